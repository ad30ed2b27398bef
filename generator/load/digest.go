package load

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
)

// Digest returns the hex SHA-256 of a set of policy files: of each file's
// path and bytes, in path order, each length-prefixed so that no two sets
// share a digest by moving bytes between files. Paths should be named
// relative to the checkout's root (policies/…, roles/…), as Shipped names
// them, so that the embedded policies and a checkout of the same commit have
// the same digest.
func Digest(files []File) string {
	sorted := append([]File(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	h := sha256.New()
	var n [8]byte
	for _, f := range sorted {
		binary.BigEndian.PutUint64(n[:], uint64(len(f.Path)))
		h.Write(n[:])
		h.Write([]byte(f.Path))
		binary.BigEndian.PutUint64(n[:], uint64(len(f.Data)))
		h.Write(n[:])
		h.Write(f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// RootFiles reads the policy directories of the checkout at root, naming
// each file relative to root (policies/…, roles/…), as Digest expects.
func RootFiles(root string) ([]File, error) {
	var out []File
	for _, d := range Dirs {
		files, err := FromFS(os.DirFS(filepath.Join(root, d)), d)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}
