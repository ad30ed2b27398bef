package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kefu-hr/handbook/generator/bundle/internal/gen"
)

func main() {
	files, err := gen.Files()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, f := range files {
		if old, err := os.ReadFile(f.Path); err == nil && bytes.Equal(old, f.Data) {
			continue
		}
		if err := os.WriteFile(filepath.FromSlash(f.Path), f.Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("wrote", f.Path)
	}
}
