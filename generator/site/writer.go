package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Writer writes a site into a new directory beside its destination, in the
// background, so that rendering goes on while files are written; Commit
// then puts the new directory in the destination's place in one step, and
// Discard throws it away. A build that fails partway leaves the
// destination as it was.
//
// A page whose bytes equal those of the same file in the destination is
// not written again: the new directory gets a hard link to the old file.
// Making a file costs far more than linking one (on this project's
// machines, whose file system has no journal, about 0.8 ms a file while
// files are deleted around it), and a rebuild leaves most pages unchanged.
type Writer struct {
	dir string // the destination
	tmp string // the new directory
	old bool   // whether the destination exists

	queue chan Page
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error
	made  sync.Map // directories made under tmp
	done  bool     // the queue is closed
}

// NewWriter starts a Writer whose destination is dir: it makes a new,
// hidden directory beside dir (".name.new-…") and the directories above
// it if needed. dir itself is left alone until Commit.
func NewWriter(dir string) (*Writer, error) {
	w := &Writer{queue: make(chan Page, 64)}
	mode := fs.FileMode(0o755)
	if real, err := filepath.EvalSymlinks(dir); err == nil { // a link to the site: the site goes where it points
		dir = real
		fi, err := os.Stat(dir)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			return nil, fmt.Errorf("%s is not a directory", dir)
		}
		w.old, mode = true, fi.Mode().Perm()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	w.dir = abs
	parent := filepath.Dir(w.dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(w.dir)+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, mode); err != nil { // MkdirTemp makes it private
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	w.tmp = tmp
	for range 4 { // files are written while the pages are rendered
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			var cmp []byte // the old file, read to compare
			for p := range w.queue {
				var err error
				if cmp, err = w.write(p, cmp); err != nil {
					w.fail(err)
				}
			}
		}()
	}
	return w, nil
}

// Dir is the new directory the pages are written into until Commit.
func (w *Writer) Dir() string { return w.tmp }

// Sink queues a page to be written; it may be called from several
// goroutines. It returns the first error of a page written before.
func (w *Writer) Sink(p Page) error {
	if err := w.failed(); err != nil {
		return err
	}
	w.queue <- p
	return nil
}

func (w *Writer) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *Writer) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// wait waits until every queued page is written and returns the first
// error.
func (w *Writer) wait() error {
	if !w.done {
		w.done = true
		close(w.queue)
	}
	w.wg.Wait()
	return w.failed()
}

// write writes one page under the new directory, or links the old file
// when it holds the same bytes. buf is a buffer to read the old file into;
// it is returned, grown as needed.
func (w *Writer) write(p Page, buf []byte) ([]byte, error) {
	rel := filepath.FromSlash(p.Path)
	path := filepath.Join(w.tmp, rel)
	if err := w.mkdir(filepath.Dir(path)); err != nil {
		return buf, err
	}
	if w.old {
		var same bool
		if buf, same = sameFile(filepath.Join(w.dir, rel), p.Data, buf); same {
			if err := os.Link(filepath.Join(w.dir, rel), path); err == nil {
				return buf, nil
			}
		}
	}
	return buf, os.WriteFile(path, p.Data, 0o644)
}

// mkdir makes a directory under the new one, once.
func (w *Writer) mkdir(dir string) error {
	if _, ok := w.made.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	w.made.Store(dir, true)
	return nil
}

// sameFile reports whether the regular file at path holds exactly data,
// reading it into buf (returned, grown as needed).
func sameFile(path string, data, buf []byte) ([]byte, bool) {
	f, err := os.Open(path)
	if err != nil {
		return buf, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return buf, false
	}
	if cap(buf) < len(data)+1 {
		buf = make([]byte, len(data)+1)
	}
	n, err := io.ReadFull(f, buf[:len(data)+1]) // one byte more: the file may have grown
	if !errors.Is(err, io.ErrUnexpectedEOF) || n != len(data) {
		return buf, false
	}
	return buf, bytes.Equal(buf[:n], data)
}

// Commit waits for every page to be written, carries over the files of
// the destination that the new site does not have and keep accepts (keep
// gets their slash-separated paths relative to the destination; nil keeps
// none), and puts the new directory in the destination's place: in one
// step where the system can exchange two directories (Linux), else by two
// renames in a row. The old directory is then removed. On an error the
// destination is left as it was and the new directory is removed.
func (w *Writer) Commit(keep func(path string) bool) error {
	err := w.wait()
	if err == nil && w.old && keep != nil {
		err = w.carry(keep)
	}
	if err != nil {
		_ = os.RemoveAll(w.tmp)
		return err
	}
	return w.swap()
}

// Discard waits for the pages queued and removes the new directory, leaving
// the destination as it was.
func (w *Writer) Discard() error {
	_ = w.wait()
	return os.RemoveAll(w.tmp)
}

// carry links (or, failing that, copies) into the new directory the files
// of the destination that keep accepts and the new site does not have.
func (w *Writer) carry(keep func(string) bool) error {
	return filepath.WalkDir(w.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(w.dir, path)
		if err != nil {
			return err
		}
		to := filepath.Join(w.tmp, rel)
		if _, err := os.Lstat(to); err == nil || !keep(filepath.ToSlash(rel)) {
			return nil
		}
		if err := w.mkdir(filepath.Dir(to)); err != nil {
			return err
		}
		if err := os.Link(path, to); err == nil {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		}
		return copyFile(path, to)
	})
}

// copyFile copies a regular file with its permissions.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// swap puts the new directory in the destination's place and removes the
// old one.
func (w *Writer) swap() error {
	if !w.old {
		if err := os.Rename(w.tmp, w.dir); err != nil {
			_ = os.RemoveAll(w.tmp)
			return err
		}
		return nil
	}
	if err := exchange(w.tmp, w.dir); err == nil {
		return removeOld(w.tmp) // now the old site
	}
	// No exchange here: move the old site aside, then the new one in.
	aside := w.tmp + ".old"
	if err := os.Rename(w.dir, aside); err != nil {
		_ = os.RemoveAll(w.tmp)
		return err
	}
	if err := os.Rename(w.tmp, w.dir); err != nil {
		if rerr := os.Rename(aside, w.dir); rerr != nil {
			return fmt.Errorf("%w; the previous site is left in %s and the new one in %s", err, aside, w.tmp)
		}
		_ = os.RemoveAll(w.tmp)
		return err
	}
	return removeOld(aside)
}

// removeOld removes the previous site once the new one is in place.
func removeOld(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("the new site is in place, but the previous one could not be removed: %w", err)
	}
	return nil
}
