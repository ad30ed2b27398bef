// Package batch computes a month's pay for a whole department from a CSV
// file: one row per person in, one row per person out with every component.
// A bad row is reported (file, row, column, reason) and kept in the output
// with its error; nothing is dropped and nothing is invented.
//
// Input columns:
//
//	person, role                    who (required)
//	scorecard.CARD.ITEM             an item's input: a number, true/false, a
//	                                level (1–5), a choice id, or check ids
//	                                joined by | (none, or 无, when none is met)
//	scorecard.CARD.ITEM.NAME        a named input of a formula item
//	pay.NAME                        a pay-plan input: a number or true/false
//	own.NAME                        the person's own value of a personal
//	                                parameter (a base pay, an allowance, a
//	                                target), within its range; empty: the
//	                                plan's value
//	points.EVENT                    occurrences of a points event
//	points.award.EVENT              discretionary awards, joined by |
//	points.ladder.LADDER            shortfalls as occurrence:rate[:met=STEPS], joined
//	                                by |; STEPS are the steps whose extra condition
//	                                holds, joined by + (4:68:met=3+4)
//	red_lines                       ids of red lines touched, joined by |
//	leave.case, leave.months        a departure before the end of the service
//	                                period: voluntary (主动) or dismissal (被动),
//	                                and the months served (0–12); both or neither
//	history.YYYY-Qn.score           an earlier quarter of a ledger (quarterly
//	history.YYYY-Qn.pay.NAME        payouts): its score and its pay inputs, so
//	                                that shortfalls and excess carry over
//
// A column may also be named by the Chinese header a Template gives it
// (the input's label and unit, 客户满意度（分）; with its key in 〔〕 when
// two inputs have the same), person and role by 姓名 and 岗位. A Template's
// second row, whose first cell starts 说明, is its guide, skipped by Pay.
// A role cell is a role's id, Chinese title or alias; a red line may be
// named by its Chinese title.
//
// Empty cells are absent inputs. Numbers are plain (1000, -3.5), in the unit
// of their input: thousands may be separated by commas in groups of three
// (1,234.50), as Excel writes them; no %, no exponent; full-width digits
// and punctuation are refused with the half-width ones to type;
// true/false may be written 是/否 or TRUE/FALSE. A column whose header is
// empty must stay empty; a line of nothing but commas or spaces is
// skipped. A row is named by the line it starts on.
//
// The file is UTF-8, with or without a byte-order mark, or GBK/GB18030, as
// Excel saves "CSV UTF-8" and "CSV (逗号分隔)"; Detect tells them apart and
// refuses a workbook or UTF-16 text with how to save it. Pay streams: it
// reads the file once for the roles and people it names, then computes the
// rows on every core and writes them in order, followed by a 合计 row per
// role, in UTF-8 with a byte-order mark unless told otherwise.
//
// Used by generator/cli.
package batch
