// Command handbook validates the HR policies and builds the handbook.
// See package github.com/kefu-hr/handbook/generator/cli for the commands.
package main
