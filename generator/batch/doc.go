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
// Empty cells are absent inputs. Numbers are plain (1000, -3.5), in the unit
// of their input: no thousands separators, no %, no exponent; true/false
// may be written 是/否. A column whose header is empty must stay empty; a
// line of nothing but commas or spaces is skipped. A row is named by the
// line it starts on.
//
// Used by generator/cli.
package batch
