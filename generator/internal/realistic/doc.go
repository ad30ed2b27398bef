// Command realistic makes one realistic HR edit to the policies of the
// checkout it runs in, the way HR would make it in a pull request, so that
// .ci/run can prove that the edit lands with the update command alone:
//
//	go run ./generator/internal/realistic [--today DATE] [--no-correction] EDIT
//
// EDIT is one of
//
//	share    move 5 points of share between the first two parts of a scorecard
//	tier     split a tier of a scorecard item in two (a new threshold)
//	kband    raise the best K of a coefficient table by 0.1
//	rate     raise a pay plan's first percent parameter by one point
//	version  write the pay plan's next version (handbook new-version) and
//	         raise that parameter in it
//
// Nothing is chosen by name: each edit takes the first policy in effect today
// (by file name) where the edit gives valid policies, so that it keeps working
// when HR renames, adds or removes policies. An edit of a version already in
// effect records a [[correction]], as validate --against requires. It prints
// what it changed and exits 1 when no policy can take the edit.
package main
