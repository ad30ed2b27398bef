package batch

import (
	"errors"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
)

// director is a full row of inputs for the director's month, after person
// and role; directorHead names its columns.
const (
	directorHead = "person,role,scorecard.kefu-zongjian-monthly.crm,scorecard.kefu-zongjian-monthly.info-mastery,scorecard.kefu-zongjian-monthly.referral,scorecard.kefu-zongjian-monthly.key-visits,scorecard.kefu-zongjian-monthly.satisfaction,scorecard.kefu-zongjian-monthly.complaints,scorecard.kefu-zongjian-monthly.orphan-loss,scorecard.kefu-zongjian-monthly.zhihui,scorecard.kefu-zongjian-monthly.zhiyehua,scorecard.kefu-zongjian-monthly.kehu-zhongxin,scorecard.kefu-zongjian-monthly.fuwu-xizhi,scorecard.kefu-zongjian-monthly.chengdan-zeren,pay.orphan_sales,pay.extra_award"
	director     = "kefu-zongjian,92,88,true,95,86,1,0,4,3,4,3,5,150000.00,0"
)

// TestRunProblems feeds payout files that are malformed or wrong in every
// way found so far. Every row in is a row out, in order, with its person;
// every problem is reported at its line and column, all at once; nothing
// wrong is computed. Each row is shown as person|role|total|error.
func TestRunProblems(t *testing.T) {
	h := fixture.Handbook(t)
	tests := []struct {
		name, period, in string
		rows, errs       []string
	}{
		{name: "BOM, CRLF and a quoted header", period: "2026-10",
			in: "\ufeff\"person\",\"role\",pay.collections\r\n周航,dakehu-jingli,120000.00\r\n",
			rows: []string{
				"周航|dakehu-jingli|9400.00|",
			},
			errs: nil},
		{name: "a quoted cell with a comma and a line break", period: "2026-10",
			in: directorHead + "\n\"王,敏\"," + director + "\n\"李\n四\"," + director + "\n赵六," + director + "\n",
			rows: []string{
				"王,敏|kefu-zongjian|11750.00|",
				"李\n四|kefu-zongjian|11750.00|",
				"赵六|kefu-zongjian|11750.00|",
			},
			errs: nil},
		{name: "an unclosed quote swallows no row", period: "2026-10",
			in: directorHead + "\n王敏," + director + "\n\"张三," + director + "\n赵六," + director + "\n钱七," + director + "\n",
			rows: []string{
				"王敏|kefu-zongjian|11750.00|",
				"\"张三|kefu-zongjian||malformed CSV: a quoted cell is not closed, or has text after its closing \"; double a \" inside a quoted cell",
				"赵六|kefu-zongjian|11750.00|",
				"钱七|kefu-zongjian|11750.00|",
			},
			errs: []string{
				"people.csv:3: malformed CSV: a quoted cell is not closed, or has text after its closing \"; double a \" inside a quoted cell",
			}},
		{name: "a bare quote, blank lines, lines of commas and spaces", period: "2026-10",
			in: directorHead + "\n张\"三," + director + "\n\n,,,,\n   \n赵六," + director + "\n",
			rows: []string{
				"张\"三|kefu-zongjian||column person: malformed CSV: a \" inside a cell that does not start with one; quote the cell and double its quotes, e.g. \"张\"\"三\"",
				"赵六|kefu-zongjian|11750.00|",
			},
			errs: []string{
				"people.csv:2: column person: malformed CSV: a \" inside a cell that does not start with one; quote the cell and double its quotes, e.g. \"张\"\"三\"",
			}},
		{name: "cells beyond the header and short rows", period: "2026-10",
			in: directorHead + "\n王敏," + director + ",,  ,\n李四," + director + ",x\n周九,kefu-zongjian\n",
			rows: []string{
				"王敏|kefu-zongjian|11750.00|",
				"李四|kefu-zongjian||cell 17 (\"x\") is beyond the header's 16 columns",
				"周九|kefu-zongjian||2 cells, the header has 16: a cell is missing, or a line break splits the row",
			},
			errs: []string{
				"people.csv:3: cell 17 (\"x\") is beyond the header's 16 columns",
				"people.csv:4: 2 cells, the header has 16: a cell is missing, or a line break splits the row",
			}},
		{name: "a column without a header", period: "2026-10",
			in: "person,role,,pay.collections\n周航,dakehu-jingli,,120000.00\n李四,dakehu-jingli,x,120000.00\n",
			rows: []string{
				"周航|dakehu-jingli|9400.00|",
				"李四|dakehu-jingli||column 3 has no header, yet this row has \"x\" in it",
			},
			errs: []string{
				"people.csv:3: column 3 has no header, yet this row has \"x\" in it",
			}},
		{name: "every header problem at once", period: "2026-10",
			in:   "person,pay.nosuch,scorecard.nosuch.x,scorecard.kefu-zongjian-monthly.nosuch,scorecard.kefu-zongjian-monthly.crm.x,points.nosuch,points.qita-tuchu,points.award.jinyongyu,points.ladder.nosuch,bogus,pay.collections,pay.collections\n",
			rows: nil,
			errs: []string{
				"people.csv:1: no \"role\" (岗位) column",
				"people.csv:1: column pay.nosuch: no pay plan in effect on 2026-10-31 has an input \"nosuch\"",
				"people.csv:1: column scorecard.nosuch.x: no scorecard \"nosuch\" in effect on 2026-10-31",
				"people.csv:1: column scorecard.kefu-zongjian-monthly.nosuch: scorecard kefu-zongjian-monthly has no item \"nosuch\"",
				"people.csv:1: column scorecard.kefu-zongjian-monthly.crm.x: item crm has no named inputs",
				"people.csv:1: column points.nosuch: no points system in effect on 2026-10-31 has an event \"nosuch\"",
				"people.csv:1: column points.qita-tuchu: event qita-tuchu is discretionary: give its awards' points in points.award.qita-tuchu",
				"people.csv:1: column points.award.jinyongyu: no points system in effect on 2026-10-31 has a discretionary event \"jinyongyu\"",
				"people.csv:1: column points.ladder.nosuch: no points system in effect on 2026-10-31 has a ladder \"nosuch\"",
				"people.csv:1: column bogus: unknown column (want person, role, scorecard.*, pay.*, own.*, points, points.*, red_lines, leave.case, leave.months, history.*)",
				"people.csv:1: column pay.collections: appears twice, as columns 11 and 12",
			}},
		{name: "an empty file", period: "2026-10",
			in:   "",
			rows: nil,
			errs: []string{
				"people.csv:1: the file is empty: want a header row naming the columns, starting person,role (or 姓名,岗位)",
			}},
		{name: "a file of blank lines", period: "2026-10",
			in:   "\n\n",
			rows: nil,
			errs: []string{
				"people.csv:1: the file is empty: want a header row naming the columns, starting person,role (or 姓名,岗位)",
			}},
		// Issue 12 §1, §4: what Excel and a Chinese input method write. Thousands
		// separated by commas are read where unambiguous; full-width characters
		// are refused with the half-width ones to type; FALSE is Excel's false.
		{name: "thousands separators and full-width characters", period: "2026-10",
			in: "person,role,pay.collections\na,dakehu-jingli,\"120,000.00\"\nb,dakehu-jingli,\"1,20,000\"\nc,dakehu-jingli,１２００００\nd,dakehu-jingli,120000．00\ne,dakehu-jingli,FALSE\n",
			rows: []string{
				"a|dakehu-jingli|9400.00|",
				"b|dakehu-jingli||column pay.collections: \"1,20,000\" is not a plain number (digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent) nor true or false",
				"c|dakehu-jingli||column pay.collections: \"１２００００\" has full-width characters (typed with a Chinese input method): type \"120000\" in half-width (switch the input method to English, or press Shift)",
				"d|dakehu-jingli||column pay.collections: \"120000．00\" has full-width characters (typed with a Chinese input method): type \"120000.00\" in half-width (switch the input method to English, or press Shift)",
				"e|dakehu-jingli||column pay.collections: collections is a number, not yes/no",
			},
			errs: []string{
				"people.csv:3: column pay.collections: \"1,20,000\" is not a plain number (digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent) nor true or false",
				"people.csv:4: column pay.collections: \"１２００００\" has full-width characters (typed with a Chinese input method): type \"120000\" in half-width (switch the input method to English, or press Shift)",
				"people.csv:5: column pay.collections: \"120000．00\" has full-width characters (typed with a Chinese input method): type \"120000.00\" in half-width (switch the input method to English, or press Shift)",
				"people.csv:6: column pay.collections: collections is a number, not yes/no",
			}},
		// Regression: h and i were paid (3400.00 and 5000000000000000000000004199.95),
		// and 10^35 was paid as NaN.
		{name: "numbers as spreadsheets write them, and numbers out of range", period: "2026-10",
			in: "person,role,pay.collections\na,dakehu-jingli,1e3\nb,dakehu-jingli,+5\nc,dakehu-jingli,\"1,000\"\nd,dakehu-jingli,12.5%\ne,dakehu-jingli,NaN\nf,dakehu-jingli,是\ng,dakehu-jingli, 120000 \nh,dakehu-jingli,0.000000000000000000001\ni,dakehu-jingli,99999999999999999999999999999\nj,dakehu-jingli,100000000000000000000000000000000000\nk,dakehu-jingli,999999999999.99\nl,dakehu-jingli,-999999999999.99\n",
			rows: []string{
				"a|dakehu-jingli||column pay.collections: \"1e3\" is not a plain number (digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent) nor true or false",
				"b|dakehu-jingli||column pay.collections: \"+5\" is not a plain number (digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent) nor true or false",
				"c|dakehu-jingli|3450.00|",
				"d|dakehu-jingli||column pay.collections: \"12.5%\": write the number without %, in the unit of the input (12.5 for 12.5%)",
				"e|dakehu-jingli||column pay.collections: \"NaN\" is not a plain number (digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent) nor true or false",
				"f|dakehu-jingli||column pay.collections: collections is a number, not yes/no",
				"g|dakehu-jingli|9400.00|",
				"h|dakehu-jingli||column pay.collections: 0.000000000000000000001 has more than 2 decimals: an amount is exact to 0.01 元",
				"i|dakehu-jingli||column pay.collections: 99999999999999999999999999999 is outside the range of an amount: -999999999999.99 to 999999999999.99 元",
				"j|dakehu-jingli||column pay.collections: 100000000000000000000000000000000000 is outside the range of an amount: -999999999999.99 to 999999999999.99 元",
				"k|dakehu-jingli|50000004200.00|",
				"l|dakehu-jingli||pay plan dakehu-jingli-pay: performance: the formula gives a negative amount -50000000000.00; write deductions as positive amounts of kind deduction; it is computed from pay.collections = -999999999999.99: check these cells",
			},
			errs: []string{
				"people.csv:2: column pay.collections: \"1e3\" is not a plain number (digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent) nor true or false",
				"people.csv:3: column pay.collections: \"+5\" is not a plain number (digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent) nor true or false",
				"people.csv:5: column pay.collections: \"12.5%\": write the number without %, in the unit of the input (12.5 for 12.5%)",
				"people.csv:6: column pay.collections: \"NaN\" is not a plain number (digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent) nor true or false",
				"people.csv:7: column pay.collections: collections is a number, not yes/no",
				"people.csv:9: column pay.collections: 0.000000000000000000001 has more than 2 decimals: an amount is exact to 0.01 元",
				"people.csv:10: column pay.collections: 99999999999999999999999999999 is outside the range of an amount: -999999999999.99 to 999999999999.99 元",
				"people.csv:11: column pay.collections: 100000000000000000000000000000000000 is outside the range of an amount: -999999999999.99 to 999999999999.99 元",
				"people.csv:13: pay plan dakehu-jingli-pay: performance: the formula gives a negative amount -50000000000.00; write deductions as positive amounts of kind deduction; it is computed from pay.collections = -999999999999.99: check these cells",
			}},
		{name: "levels", period: "2026-10",
			in: directorHead + "\nL0,kefu-zongjian,92,88,true,95,86,1,0,0,3,4,3,5,150000.00,0\nL6,kefu-zongjian,92,88,true,95,86,1,0,6,3,4,3,5,150000.00,0\nL3.5,kefu-zongjian,92,88,true,95,86,1,0,3.5,3,4,3,5,150000.00,0\nL+4,kefu-zongjian,92,88,true,95,86,1,0,+4,3,4,3,5,150000.00,0\nL04,kefu-zongjian,92,88,true,95,86,1,0,04,3,4,3,5,150000.00,0\nL-1,kefu-zongjian,92,88,true,95,86,1,0,-1,3,4,3,5,150000.00,0\n",
			rows: []string{
				"L0|kefu-zongjian||column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
				"L6|kefu-zongjian||column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
				"L3.5|kefu-zongjian||column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
				"L+4|kefu-zongjian||column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
				"L04|kefu-zongjian|11750.00|",
				"L-1|kefu-zongjian||column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
			},
			errs: []string{
				"people.csv:2: column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
				"people.csv:3: column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
				"people.csv:4: column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
				"people.csv:5: column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
				"people.csv:7: column scorecard.kefu-zongjian-monthly.zhihui: item zhihui is scored by level: write 1 to 5",
			}},
		{name: "yes/no", period: "2026-10",
			in: directorHead + "\nY是,kefu-zongjian,92,88,是,95,86,1,0,4,3,4,3,5,150000.00,0\nY否,kefu-zongjian,92,88,否,95,86,1,0,4,3,4,3,5,150000.00,0\nYTRUE,kefu-zongjian,92,88,TRUE,95,86,1,0,4,3,4,3,5,150000.00,0\nY1,kefu-zongjian,92,88,1,95,86,1,0,4,3,4,3,5,150000.00,0\n",
			rows: []string{
				"Y是|kefu-zongjian|11750.00|",
				"Y否|kefu-zongjian|10950.00|",
				"YTRUE|kefu-zongjian|11750.00|",
				"Y1|kefu-zongjian||column scorecard.kefu-zongjian-monthly.referral: item referral is scored yes/no: write true or false",
			},
			errs: []string{
				"people.csv:5: column scorecard.kefu-zongjian-monthly.referral: item referral is scored yes/no: write true or false",
			}},
		{name: "red lines", period: "2026-10",
			in: directorHead + ",red_lines\nR0," + director + ",nosuch|x\nR1," + director + ",a||b\nR2," + director + ",huikou|huikou\nR3," + director + ",huikou\n",
			rows: []string{
				"R0|kefu-zongjian||column red_lines: red-line policy dianwang has no red line \"nosuch\"; column red_lines: red-line policy dianwang has no red line \"x\"",
				"R1|kefu-zongjian||column red_lines: \"a||b\": an empty red line id (join them by a single |)",
				"R2|kefu-zongjian||column red_lines: red line huikou is given twice",
				"R3|kefu-zongjian|9350.00|",
			},
			errs: []string{
				"people.csv:2: column red_lines: red-line policy dianwang has no red line \"nosuch\"",
				"people.csv:2: column red_lines: red-line policy dianwang has no red line \"x\"",
				"people.csv:3: column red_lines: \"a||b\": an empty red line id (join them by a single |)",
				"people.csv:4: column red_lines: red line huikou is given twice",
			}},
		{name: "the same person twice", period: "2026-10",
			in: directorHead + "\n王敏," + director + "\n李四," + director + "\n 王敏 ," + director + "\n",
			rows: []string{
				"王敏|kefu-zongjian||column person: 王敏 is on rows 2 and 4: one row per person (tell people of the same name apart in this column)",
				"李四|kefu-zongjian|11750.00|",
				" 王敏 |kefu-zongjian||column person: 王敏 is on rows 2 and 4: one row per person (tell people of the same name apart in this column)",
			},
			errs: []string{
				"people.csv:2: column person: 王敏 is on rows 2 and 4: one row per person (tell people of the same name apart in this column)",
				"people.csv:4: column person: 王敏 is on rows 2 and 4: one row per person (tell people of the same name apart in this column)",
			}},
		{name: "roles without pay, unknown, empty, and a plan that pays nothing this month", period: "2026-10",
			in: "person,role\n助理,kefu-zhuli\n经理,kefu-jingli\n某人,nobody\n无名,\n,kefu-zongjian\n孙悦,yinhang-kehu-jingli\n",
			rows: []string{
				"助理|kefu-zhuli||column role: role kefu-zhuli has no pay plan: there is no pay to compute",
				"经理|kefu-jingli||column role: role kefu-jingli has no pay plan: there is no pay to compute",
				"某人|nobody||column role: no role \"nobody\" in effect on 2026-10-31 (roles paid in 2026-10: dakehu-jingli（客户经理）, dakehu-zongjian（大客户总监）, kefu-daibiao（客服代表）, kefu-zongjian（客服总监）, yingxiao-zongjian（营销总监）; a role's id or its Chinese title)",
				"无名|||column role: empty",
				"|kefu-zongjian||column person: empty; the header has no column 当月孤儿客户销售额（元） (pay.orphan_sales), 公司决定的额外嘉奖金额（无则为0）（元） (pay.extra_award), scorecard.kefu-zongjian-monthly (see row 1)",
				"孙悦|yinhang-kehu-jingli||pay plan yinhang-kehu-jingli-pay pays nothing in a monthly settlement: its components are settled annual (--period 2026-10)",
			},
			errs: []string{
				"people.csv:1: no column 公司决定的额外嘉奖金额（无则为0）（元） (pay.extra_award): pay plan kefu-zongjian-pay needs extra_award（公司决定的额外嘉奖金额（无则为0））in a monthly settlement (row 6); add the column",
				"people.csv:1: no column 当月孤儿客户销售额（元） (pay.orphan_sales): pay plan kefu-zongjian-pay needs orphan_sales（当月孤儿客户销售额）in a monthly settlement (row 6); add the column",
				"people.csv:1: no column scorecard.kefu-zongjian-monthly: pay plan kefu-zongjian-pay needs the inputs of scorecard kefu-zongjian-monthly in a monthly settlement (row 6); add the column",
				"people.csv:2: column role: role kefu-zhuli has no pay plan: there is no pay to compute",
				"people.csv:3: column role: role kefu-jingli has no pay plan: there is no pay to compute",
				"people.csv:4: column role: no role \"nobody\" in effect on 2026-10-31 (roles paid in 2026-10: dakehu-jingli（客户经理）, dakehu-zongjian（大客户总监）, kefu-daibiao（客服代表）, kefu-zongjian（客服总监）, yingxiao-zongjian（营销总监）; a role's id or its Chinese title)",
				"people.csv:5: column role: empty",
				"people.csv:6: column person: empty",
				"people.csv:7: pay plan yinhang-kehu-jingli-pay pays nothing in a monthly settlement: its components are settled annual (--period 2026-10)",
			}},
		{name: "each row fills its own role's columns", period: "2026-10",
			in: directorHead + ",points.jinyongyu,points.biaoyang,points.ladder.jiechuliang,pay.base_quota_rate,pay.attendance_rate,pay.member_rate,pay.probation,pay.adopted_suggestions,pay.star_month,pay.profit_received,pay.collections\n王敏," + director + ",,,,,,,,,,,\n陈晨,kefu-daibiao,,,,,,,,,,,,,,,2,1,1:55,100,100,112,false,1,false,20000.00,\n周航,dakehu-jingli,,,,,,,,,,,,,,,,,,,,,,,,,120000.00\n",
			rows: []string{
				"王敏|kefu-zongjian|11750.00|",
				"陈晨|kefu-daibiao|4570.00|",
				"周航|dakehu-jingli|9400.00|",
			},
			errs: nil},
		{name: "a row filling another role's columns", period: "2026-10",
			in: directorHead + ",points.jinyongyu,pay.collections,pay.annual_profit\n王敏," + director + ",1,5,9\n周航,dakehu-jingli,92,,,,,,,,,,,,,,,120000.00,\n",
			rows: []string{
				"王敏|kefu-zongjian||column pay.annual_profit: pay plan kefu-zongjian-pay does not use annual_profit in a monthly settlement; column pay.collections: pay plan kefu-zongjian-pay has no input \"collections\"; column points: pay plan kefu-zongjian-pay has no points system: points are not used",
				"周航|dakehu-jingli||column scorecard.kefu-zongjian-monthly: scorecard kefu-zongjian-monthly is not one of role dakehu-jingli's (dakehu-staff)",
			},
			errs: []string{
				"people.csv:2: column pay.annual_profit: pay plan kefu-zongjian-pay does not use annual_profit in a monthly settlement",
				"people.csv:2: column pay.collections: pay plan kefu-zongjian-pay has no input \"collections\"",
				"people.csv:2: column points: pay plan kefu-zongjian-pay has no points system: points are not used",
				"people.csv:3: column scorecard.kefu-zongjian-monthly: scorecard kefu-zongjian-monthly is not one of role dakehu-jingli's (dakehu-staff)",
			}},
		{name: "a scorecard the plan does not use", period: "2026-10",
			in: directorHead + ",scorecard.kefu-zongjian-annual.crm\n王敏," + director + ",90\n",
			rows: []string{
				"王敏|kefu-zongjian||column scorecard.kefu-zongjian-annual: pay plan kefu-zongjian-pay does not use scorecard kefu-zongjian-annual in this settlement (monthly)",
			},
			errs: []string{
				"people.csv:2: column scorecard.kefu-zongjian-annual: pay plan kefu-zongjian-pay does not use scorecard kefu-zongjian-annual in this settlement (monthly)",
			}},
		{name: "a misspelt role: the row's other cells are checked as the role it comes closest to", period: "2026-10",
			in: directorHead + ",scorecard.kefu-zongjian-annual.crm\n王敏,kefu-zongjain" + strings.TrimPrefix(director, "kefu-zongjian") + ",90\n某人,nobody" + strings.TrimPrefix(director, "kefu-zongjian") + ",90\n",
			rows: []string{
				"王敏|kefu-zongjain||column role: no role \"kefu-zongjain\" in effect on 2026-10-31; did you mean kefu-zongjian（客服总监）? (roles paid in 2026-10: dakehu-jingli（客户经理）, dakehu-zongjian（大客户总监）, kefu-daibiao（客服代表）, kefu-zongjian（客服总监）, yingxiao-zongjian（营销总监）; a role's id or its Chinese title); column scorecard.kefu-zongjian-annual: pay plan kefu-zongjian-pay does not use scorecard kefu-zongjian-annual in this settlement (monthly) (checked as kefu-zongjian, the role the role column probably means)",
				"某人|nobody||column role: no role \"nobody\" in effect on 2026-10-31 (roles paid in 2026-10: dakehu-jingli（客户经理）, dakehu-zongjian（大客户总监）, kefu-daibiao（客服代表）, kefu-zongjian（客服总监）, yingxiao-zongjian（营销总监）; a role's id or its Chinese title)",
			},
			errs: []string{
				"people.csv:2: column role: no role \"kefu-zongjain\" in effect on 2026-10-31; did you mean kefu-zongjian（客服总监）? (roles paid in 2026-10: dakehu-jingli（客户经理）, dakehu-zongjian（大客户总监）, kefu-daibiao（客服代表）, kefu-zongjian（客服总监）, yingxiao-zongjian（营销总监）; a role's id or its Chinese title)",
				"people.csv:2: column scorecard.kefu-zongjian-annual: pay plan kefu-zongjian-pay does not use scorecard kefu-zongjian-annual in this settlement (monthly) (checked as kefu-zongjian, the role the role column probably means)",
				"people.csv:3: column role: no role \"nobody\" in effect on 2026-10-31 (roles paid in 2026-10: dakehu-jingli（客户经理）, dakehu-zongjian（大客户总监）, kefu-daibiao（客服代表）, kefu-zongjian（客服总监）, yingxiao-zongjian（营销总监）; a role's id or its Chinese title)",
			}},
		{name: "points and checklists", period: "2026-Q1",
			in: "person,role,scorecard.dakehu-staff.sales-completion,scorecard.dakehu-staff.sales-growth,scorecard.dakehu-staff.new-customers.new_customers,scorecard.dakehu-staff.new-customers.plan_customers,scorecard.dakehu-staff.market-info,scorecard.dakehu-staff.teamwork,scorecard.dakehu-staff.knowledge,scorecard.dakehu-staff.analysis,scorecard.dakehu-staff.communication,scorecard.dakehu-staff.attendance.absent_days,scorecard.dakehu-staff.attendance.late_deduction,pay.achieved,pay.implementation_revenue,pay.maintenance_revenue,pay.training_revenue,pay.new_staff\nK0,dakehu-zhuanyuan,75,70000,4,5,8,9,product|industry|position,average,persuade,0,1,150000.00,20000.00,5000.00,0,false\nK1,dakehu-zhuanyuan,75,70000,4,5,8,9,none,average,persuade,0,1,150000.00,20000.00,5000.00,0,false\nK2,dakehu-zhuanyuan,75,70000,4,5,8,9,无,average,persuade,0,1,150000.00,20000.00,5000.00,0,false\nK3,dakehu-zhuanyuan,75,70000,4,5,8,9,,average,persuade,0,1,150000.00,20000.00,5000.00,0,false\nK4,dakehu-zhuanyuan,75,70000,4,5,8,9,product|product|bogus,average,persuade,0,1,150000.00,20000.00,5000.00,0,false\nK5,dakehu-zhuanyuan,75,70000,4,5,8,9,product||x,average,persuade,0,1,150000.00,20000.00,5000.00,0,false\n",
			rows: []string{
				"K0|dakehu-zhuanyuan|6900.00|",
				"K1|dakehu-zhuanyuan|6600.00|",
				"K2|dakehu-zhuanyuan|6600.00|",
				"K3|dakehu-zhuanyuan||column scorecard.dakehu-staff.knowledge: no input given: list the checks met, of product, industry, position, business (when none is met: an empty list, or none in a payout CSV)",
				"K4|dakehu-zhuanyuan||column scorecard.dakehu-staff.knowledge: check product is given twice; column scorecard.dakehu-staff.knowledge: item knowledge has no check \"bogus\" (its checks: product, industry, position, business)",
				"K5|dakehu-zhuanyuan||column scorecard.dakehu-staff.knowledge: \"product||x\": an empty check id (join them by a single |)",
			},
			errs: []string{
				"people.csv:5: column scorecard.dakehu-staff.knowledge: no input given: list the checks met, of product, industry, position, business (when none is met: an empty list, or none in a payout CSV)",
				"people.csv:6: column scorecard.dakehu-staff.knowledge: check product is given twice",
				"people.csv:6: column scorecard.dakehu-staff.knowledge: item knowledge has no check \"bogus\" (its checks: product, industry, position, business)",
				"people.csv:7: column scorecard.dakehu-staff.knowledge: \"product||x\": an empty check id (join them by a single |)",
			}},
		{name: "points cells", period: "2026-10",
			in: "person,role,pay.base_quota_rate,pay.attendance_rate,pay.member_rate,pay.probation,pay.adopted_suggestions,pay.star_month,pay.profit_received,points.jinyongyu,points.award.qita-tuchu,points.ladder.jiechuliang\nP0,kefu-daibiao,100,100,100,false,0,false,0,0,,\nP1,kefu-daibiao,100,100,100,false,0,false,0,-1,,\nP2,kefu-daibiao,100,100,100,false,0,false,0,+1,,\nP3,kefu-daibiao,100,100,100,false,0,false,0,1.5,,\nP4,kefu-daibiao,100,100,100,false,0,false,0,,1|99,\nP5,kefu-daibiao,100,100,100,false,0,false,0,,1||2,\nP6,kefu-daibiao,100,100,100,false,0,false,0,,,2:62:met:x\nP7,kefu-daibiao,100,100,100,false,0,false,0,,,0:62\nP8,kefu-daibiao,100,100,100,false,0,false,0,,,2:62%\nP9,kefu-daibiao,100,100,100,false,0,false,0,,,,\n",
			rows: []string{
				"P0|kefu-daibiao|2900.00|",
				"P1|kefu-daibiao||column points.jinyongyu: \"-1\" is not a count (0, 1, 2 …)",
				"P2|kefu-daibiao||column points.jinyongyu: \"+1\" is not a count (0, 1, 2 …)",
				"P3|kefu-daibiao||column points.jinyongyu: \"1.5\" is not a count (0, 1, 2 …)",
				"P4|kefu-daibiao||column points.award.qita-tuchu: award 99 is outside 0–3",
				"P5|kefu-daibiao||column points.award.qita-tuchu: \"1||2\": an empty award (join them by a single |)",
				"P6|kefu-daibiao||column points.ladder.jiechuliang: \"2:62:met:x\": want occurrence:rate or occurrence:rate:met=STEPS, e.g. 2:62 or 4:68:met=3+4",
				"P7|kefu-daibiao||column points.ladder.jiechuliang: \"0:62\": the occurrence \"0\" is not 1, 2, 3 …",
				"P8|kefu-daibiao||column points.ladder.jiechuliang: \"2:62%\": the rate: \"62%\": write the number without %, in the unit of the input (62 for 62%)",
				"P9|kefu-daibiao||column points: pay plan kefu-daibiao-pay needs the month under points system kefu-points (write 0 in a points.* cell for a month without events)",
			},
			errs: []string{
				"people.csv:3: column points.jinyongyu: \"-1\" is not a count (0, 1, 2 …)",
				"people.csv:4: column points.jinyongyu: \"+1\" is not a count (0, 1, 2 …)",
				"people.csv:5: column points.jinyongyu: \"1.5\" is not a count (0, 1, 2 …)",
				"people.csv:6: column points.award.qita-tuchu: award 99 is outside 0–3",
				"people.csv:7: column points.award.qita-tuchu: \"1||2\": an empty award (join them by a single |)",
				"people.csv:8: column points.ladder.jiechuliang: \"2:62:met:x\": want occurrence:rate or occurrence:rate:met=STEPS, e.g. 2:62 or 4:68:met=3+4",
				"people.csv:9: column points.ladder.jiechuliang: \"0:62\": the occurrence \"0\" is not 1, 2, 3 …",
				"people.csv:10: column points.ladder.jiechuliang: \"2:62%\": the rate: \"62%\": write the number without %, in the unit of the input (62 for 62%)",
				"people.csv:11: column points: pay plan kefu-daibiao-pay needs the month under points system kefu-points (write 0 in a points.* cell for a month without events)",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			per, err := engine.ParsePeriod(tt.period)
			if err != nil {
				t.Fatal(err)
			}
			rows, errs, err := Run(h, per, "people.csv", strings.NewReader(tt.in))
			var got []string
			var herr *HeaderError
			switch {
			case errors.As(err, &herr):
				for _, p := range herr.Problems {
					got = append(got, p.String())
				}
			case err != nil:
				t.Fatal(err)
			default:
				for _, e := range errs {
					got = append(got, e.String())
				}
			}
			var out []string
			for _, r := range rows {
				total := ""
				if r.Result.Pay != nil {
					total = r.Result.Pay.Total.String()
				}
				out = append(out, r.Person+"|"+r.Role+"|"+total+"|"+r.Err)
			}
			if g, w := strings.Join(out, "\n"), strings.Join(tt.rows, "\n"); g != w {
				t.Errorf("rows:\n%s\nwant:\n%s", g, w)
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.errs, "\n"); g != w {
				t.Errorf("errors:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

// TestMissingColumnReportedOnce guards issue 12 §3: a column the header
// lacks is reported once, at the header, with the rows that need it, not
// once per row; each row's error cell still says why it was not computed.
func TestMissingColumnReportedOnce(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	in := "姓名,岗位\n甲,客户经理\n乙,dakehu-jingli\n丙,客户经理\n"
	rows, errs, err := Run(h, per, "people.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.String())
	}
	want := []string{"people.csv:1: no column 本人当月回款额（元） (pay.collections): pay plan dakehu-jingli-pay needs collections（本人当月回款额）in a monthly settlement (3 rows, the first on row 2); add the column"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range rows {
		if r.Err != "the header has no column 本人当月回款额（元） (pay.collections) (see row 1)" {
			t.Errorf("%s: error cell %q", r.Person, r.Err)
		}
	}
}
