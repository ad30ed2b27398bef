package cli

import "github.com/rogpeppe/go-internal/txtar"

type txtarFile struct {
	name string
	data []byte
}

func txtarParse(path string) ([]txtarFile, error) {
	a, err := txtar.ParseFile(path)
	if err != nil {
		return nil, err
	}
	out := make([]txtarFile, len(a.Files))
	for i, f := range a.Files {
		out[i] = txtarFile{f.Name, f.Data}
	}
	return out, nil
}
