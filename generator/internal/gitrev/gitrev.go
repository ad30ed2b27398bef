package gitrev

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/load"
)

// git runs git in dir with stdin, returning its standard output; a failure
// carries git's own message.
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(errb.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out.Bytes(), nil
}

// Resolve returns the commit that rev names in the repository around root.
func Resolve(root, rev string) (string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", zh.Errorf("git is needed to read revision %s: %v", rev, err)
	}
	if strings.HasPrefix(rev, "-") {
		return "", zh.Errorf("unknown revision %s", rev)
	}
	out, err := git(root, nil, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		if _, terr := git(root, nil, "rev-parse", "--git-dir"); terr != nil {
			return "", zh.Errorf("%s is not in a git repository: %v", root, terr)
		}
		if kind, kerr := git(root, nil, "cat-file", "-t", rev); kerr == nil {
			return "", zh.Errorf("revision %s is a %s, not a commit", rev, strings.TrimSpace(string(kind)))
		}
		if heads, _ := git(root, nil, "rev-list", "-n", "1", "--all"); len(bytes.TrimSpace(heads)) == 0 {
			return "", zh.Errorf("unknown revision %s: the repository has no commits yet", rev)
		}
		return "", zh.Errorf("unknown revision %s", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// Files reads the .toml files under dirs (relative to the checkout at root)
// as they were in commit, naming each REV:path, with path as the working
// tree names it (relative to the current directory's place in the
// checkout).
func Files(root, rev, commit string, dirs []string) ([]load.File, error) {
	prefix, err := git(root, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, err
	}
	pre := strings.TrimSpace(string(prefix))
	list, err := git(root, nil, append([]string{"ls-tree", "-r", "-z", "--full-name", "--name-only", commit, "--"}, dirs...)...)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, n := range strings.Split(string(list), "\x00") {
		if strings.HasSuffix(n, ".toml") {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil, nil
	}
	var req strings.Builder
	for _, n := range names {
		fmt.Fprintf(&req, "%s:%s\n", commit, n)
	}
	out, err := git(root, strings.NewReader(req.String()), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	rd := bufio.NewReader(bytes.NewReader(out))
	files := make([]load.File, 0, len(names))
	for _, n := range names {
		head, err := rd.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %s: %v", n, err)
		}
		f := strings.Fields(head)
		if len(f) != 3 || f[1] != "blob" {
			return nil, fmt.Errorf("git cat-file: %s: %s", n, strings.TrimSpace(head))
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %s: %s", n, strings.TrimSpace(head))
		}
		data := make([]byte, size+1) // the contents and a newline
		if _, err := io.ReadFull(rd, data); err != nil {
			return nil, fmt.Errorf("git cat-file: %s: %v", n, err)
		}
		files = append(files, load.File{Path: rev + ":" + strings.TrimPrefix(n, pre), Data: data[:size]})
	}
	return files, nil
}
