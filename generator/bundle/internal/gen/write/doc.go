// Command write writes the files of package gen (codec_gen.go of package
// bundle, lookup_gen.go of package policy), relative to the working
// directory, which go generate makes generator/bundle.
package main
