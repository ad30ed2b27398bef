package batch

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/kefu-hr/handbook/generator/diag"
)

// Encoding is the character encoding of a people file or of a payout's
// output.
type Encoding int

// The encodings a people file may be in. Excel in a Chinese office saves
// "CSV UTF-8 (逗号分隔)" as UTF-8 with a byte-order mark and "CSV (逗号分隔)"
// as GBK, which GB18030 extends.
const (
	// Auto reads UTF-8 (with or without a byte-order mark) or GB18030,
	// whichever the file is, and writes UTF-8 with a byte-order mark, which
	// Excel opens by double-click.
	Auto Encoding = iota
	// UTF8 reads UTF-8 only and writes UTF-8 without a byte-order mark,
	// for programs.
	UTF8
	// GB18030 reads and writes GB18030 (GBK's superset), as Excel saves
	// "CSV (逗号分隔)" in a Chinese locale.
	GB18030
)

// ParseEncoding reads the name of an encoding: auto, utf-8 (utf8), gbk or
// gb18030 (either gives GB18030, which reads every GBK file).
func ParseEncoding(s string) (Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return Auto, nil
	case "utf-8", "utf8":
		return UTF8, nil
	case "gbk", "gb18030", "gb2312", "cp936":
		return GB18030, nil
	}
	return Auto, zh.Errorf("unknown encoding %q (want auto, utf-8, gbk or gb18030)", s)
}

// String names the encoding as ParseEncoding reads it.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case GB18030:
		return "gb18030"
	}
	return "auto"
}

// FileError is a people file that cannot be read as text at all: an Excel
// workbook, a UTF-16 text, bytes that are neither UTF-8 nor GB18030. Its
// message says how to save the file so that it can be read.
type FileError struct {
	File     string
	Reason   string // in English
	ReasonZh string // the reason in Chinese
}

// Error says what the file is and how to save it instead.
func (e *FileError) Error() string { return e.File + ": " + e.Reason }

// Zh is Error in Chinese.
func (e *FileError) Zh() string { return e.File + "：" + e.ReasonZh }

// fileError is a FileError whose reason is a message of the catalog.
func fileError(file, format string, args ...any) *FileError {
	t := zh.Sprintf(format, args...)
	return &FileError{File: file, Reason: t.En, ReasonZh: t.Zh}
}

// saveAs says how to save a file from Excel so that payout reads it.
var saveAs = diag.Text{
	En: "in Excel: 文件 → 另存为 → 保存类型 “CSV UTF-8 (逗号分隔)(*.csv)” (or “CSV (逗号分隔)”)",
	Zh: "在 Excel 中：文件 → 另存为 → 保存类型选 “CSV UTF-8 (逗号分隔)(*.csv)”（或 “CSV (逗号分隔)”）",
}

// Detect finds the encoding of the text r gives, reading it to the end: a
// file that is UTF-8 throughout is UTF-8 (a byte-order mark or not), any
// other is GB18030 if it decodes as such. A workbook, a UTF-16 text and
// bytes that are neither are a *FileError naming the first line that
// cannot be read.
func Detect(file string, r io.Reader) (Encoding, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8)
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return Auto, fileError(file, "is an Excel workbook (.xlsx), not a CSV file: %s", saveAs)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return Auto, fileError(file, "is an Excel 97–2003 workbook (.xls), not a CSV file: %s", saveAs)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return Auto, fileError(file, "is UTF-16 text (Excel's “Unicode 文本”), not a CSV file: %s", saveAs)
	}
	line := 1        // the line the block starts on
	var carry []byte // an incomplete character at the end of a block
	buf := make([]byte, 64<<10)
	for {
		n, err := io.ReadFull(br, buf[len(carry):])
		copy(buf, carry)
		block := buf[:len(carry)+n]
		carry = carry[:0]
		if err == nil { // keep an incomplete character for the next block
			cut := len(block)
			for i := len(block) - 1; i >= 0 && i >= len(block)-utf8.UTFMax; i-- {
				if utf8.RuneStart(block[i]) {
					if !utf8.FullRune(block[i:]) {
						cut = i
					}
					break
				}
			}
			carry = append(carry, block[cut:]...)
			block = block[:cut]
		}
		if !utf8.Valid(block) {
			return GB18030, checkGB18030(file, line, io.MultiReader(bytes.NewReader(block), bytes.NewReader(carry), br))
		}
		line += bytes.Count(block, []byte("\n"))
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return UTF8, nil
		}
		if err != nil {
			return Auto, err
		}
	}
}

// checkGB18030 checks that the rest of a file that is not UTF-8, from
// line on, decodes as GB18030. The text before was UTF-8: ASCII, which
// both encodings read alike, or Chinese, which GB18030 reads as other
// Chinese; a file mixing both is refused by its header or its names, never
// read as wrong numbers (every byte of a number is ASCII).
func checkGB18030(file string, line int, rest io.Reader) error {
	sc := bufio.NewScanner(transform.NewReader(rest, simplifiedchinese.GB18030.NewDecoder()))
	sc.Buffer(make([]byte, 64<<10), 1<<30)
	for ; sc.Scan(); line++ {
		if bytes.ContainsRune(sc.Bytes(), utf8.RuneError) {
			return fileError(file, "line %d is neither UTF-8 nor GBK/GB18030 text: %s", line, saveAs)
		}
	}
	return sc.Err()
}

// decoder returns the UTF-8 text of r in encoding e (Auto is UTF-8: detect
// first), without a byte-order mark.
func decoder(r io.Reader, e Encoding) io.Reader {
	if e == GB18030 {
		r = transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder())
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\ufeff")) {
		_, _ = br.Discard(3)
	}
	return br
}

// encoder returns a writer that writes to w in encoding e: UTF-8 after a
// byte-order mark (Auto), UTF-8 (UTF8) or GB18030. Close flushes it.
func encoder(w io.Writer, e Encoding) (io.WriteCloser, error) {
	switch e {
	case GB18030:
		return transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder()), nil
	case Auto:
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
	}
	return nopCloser{w}, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// Encode writes text (UTF-8) to w in encoding e, as payout writes its
// output: the CLI writes templates this way.
func Encode(w io.Writer, e Encoding, text []byte) error {
	ew, err := encoder(w, e)
	if err != nil {
		return err
	}
	if _, err := ew.Write(text); err != nil {
		return err
	}
	return ew.Close()
}

// recordReader reads a people file record by record as it streams by. A
// record is a line, or several when a quoted cell holds a line break. A
// line the CSV grammar refuses is a record of its own, with its problem
// and its cells read leniently, and reading goes on at the line after it,
// so that an unclosed quote never swallows the rows below it.
type recordReader struct {
	br      *bufio.Reader
	line    int      // the number of the last line taken
	pending [][]byte // lines given back, taken before br's
	eof     bool
	err     error    // reading's, other than the end
	unread1 *readRow // a record given back

	// With light set, a line without quotes is not split into cells: only
	// the cells light names are kept, in view, as the reader's bytes
	// (valid until the next record), and the record's cells are nil.
	light []int
	view  [][]byte
}

// lightCells keeps the cells rr.light names of a line without quotes.
func (rr *recordReader) lightCells(line []byte) {
	if rr.view == nil {
		rr.view = make([][]byte, len(rr.light))
	}
	clear(rr.view)
	for i, cell := 0, 0; ; cell++ {
		k := bytes.IndexByte(line[i:], ',')
		end := len(line)
		if k >= 0 {
			end = i + k
		}
		for j, want := range rr.light {
			if want == cell {
				rr.view[j] = line[i:end]
			}
		}
		if k < 0 {
			return
		}
		i = end + 1
	}
}

// blankLine reports whether a line is nothing but spaces and commas.
func blankLine(line []byte) bool {
	for _, b := range line {
		if b != ' ' && b != ',' && b != '\t' && b != '\r' && b != '\n' {
			return false
		}
	}
	return true
}

// readRow is one row as read: its cells, the line it starts on, and why
// the CSV grammar refused the line.
type readRow struct {
	cells []string
	line  int
	bad   diag.Text // why the line was refused
	field int       // the cell where, or -1
}

// newBufReader buffers a people file's text.
func newBufReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, 64<<10) }

// unread gives back a record, for next to return again.
func (rr *recordReader) unread(rec readRow) { rr.unread1 = &rec }

// maxLines is the most lines a quoted cell may span: an unclosed quote
// takes at most this many lines before its line is refused alone.
const maxLines = 64

// take returns the next line with its line break, or nil at the end. The
// line is valid until the next take (it is the reader's buffer, unless the
// line is longer).
func (rr *recordReader) take() []byte {
	if n := len(rr.pending); n > 0 {
		l := rr.pending[n-1]
		rr.pending = rr.pending[:n-1]
		rr.line++
		return l
	}
	if rr.eof {
		return nil
	}
	l, err := rr.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) { // a line longer than the buffer
		long := append([]byte(nil), l...)
		for errors.Is(err, bufio.ErrBufferFull) {
			l, err = rr.br.ReadSlice('\n')
			long = append(long, l...)
		}
		l = long
	}
	if err != nil {
		rr.eof = true
		if !errors.Is(err, io.EOF) {
			rr.err = err
		}
		if len(l) == 0 {
			return nil
		}
	}
	rr.line++
	return l
}

// giveBack returns lines (in order) to be taken again.
func (rr *recordReader) giveBack(lines [][]byte) {
	for i := len(lines) - 1; i >= 0; i-- {
		rr.pending = append(rr.pending, lines[i])
	}
	rr.line -= len(lines)
}

// next returns the next record that is not blank (empty, or spaces and
// commas only), and false at the end of the file.
func (rr *recordReader) next(width int) (readRow, bool) {
	if rec := rr.unread1; rec != nil {
		rr.unread1 = nil
		return *rec, true
	}
	for {
		first := rr.take()
		if first == nil {
			return readRow{}, false
		}
		start := rr.line
		if rr.light != nil && bytes.IndexByte(first, '"') < 0 {
			if blankLine(first) {
				continue
			}
			rr.lightCells(bytes.TrimRight(first, "\r\n"))
			return readRow{line: start, field: -1}, true
		}
		buf := first
		var extra [][]byte // the lines after the first, when a cell spans them
		cells, field, err := parseRecord(buf)
		if errors.Is(err, errUnclosed) {
			first = append([]byte(nil), first...) // the next take reuses the reader's buffer
			buf = first
		}
		for errors.Is(err, errUnclosed) && len(extra) < maxLines {
			l := rr.take()
			if l != nil {
				l = append([]byte(nil), l...)
			}
			if l == nil {
				break
			}
			extra = append(extra, l)
			buf = append(buf[:len(buf):len(buf)], l...)
			cells, field, err = parseRecord(buf)
		}
		if err != nil {
			rr.giveBack(extra)
			rec := readRow{cells: lenient(first, width), line: start, bad: zh.Sprintf("malformed CSV: %s", reason(err)), field: -1}
			if !errors.Is(err, errUnclosed) && field >= 0 && len(extra) == 0 {
				rec.field = field
			}
			return rec, true
		}
		if blank(cells) {
			continue // a line of spaces or of commas alone, as spreadsheets leave below the rows
		}
		return readRow{cells: cells, line: start, field: -1}, true
	}
}

// The ways a record breaks the CSV grammar.
var (
	errUnclosed  = errors.New("unclosed quote")
	errBareQuote = errors.New("bare quote")
	errAfter     = errors.New("text after a closing quote")
)

// parseRecord splits one record (its lines, with their line breaks) into
// cells, as encoding/csv reads it: a cell may be quoted, a quote inside a
// quoted cell is doubled, a line break inside one is kept as "\n". On a
// refusal it returns the cell where it happened.
func parseRecord(rec []byte) ([]string, int, error) {
	rec = bytes.TrimSuffix(rec, []byte("\n"))
	rec = bytes.TrimSuffix(rec, []byte("\r"))
	if bytes.IndexByte(rec, '"') < 0 { // the common case: one string, cut at commas
		s := string(rec)
		return strings.Split(s, ","), -1, nil
	}
	var cells []string
	var b strings.Builder
	for i, field := 0, 0; ; field++ {
		if i < len(rec) && rec[i] == '"' {
			b.Reset()
			j := i + 1
			for {
				k := bytes.IndexByte(rec[j:], '"')
				if k < 0 {
					return nil, field, errUnclosed
				}
				b.Write(rec[j : j+k])
				j += k + 1
				if j < len(rec) && rec[j] == '"' {
					b.WriteByte('"')
					j++
					continue
				}
				break
			}
			cells = append(cells, strings.ReplaceAll(b.String(), "\r\n", "\n"))
			switch {
			case j == len(rec):
				return cells, -1, nil
			case rec[j] != ',':
				return nil, field, errAfter
			}
			i = j + 1
			continue
		}
		k := bytes.IndexByte(rec[i:], ',')
		cell := rec[i:]
		if k >= 0 {
			cell = rec[i : i+k]
		}
		if bytes.IndexByte(cell, '"') >= 0 {
			return nil, field, errBareQuote
		}
		cells = append(cells, string(cell))
		if k < 0 {
			return cells, -1, nil
		}
		i += k + 1
	}
}
