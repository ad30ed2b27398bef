package main

import (
	"os"

	"github.com/kefu-hr/handbook/generator/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
