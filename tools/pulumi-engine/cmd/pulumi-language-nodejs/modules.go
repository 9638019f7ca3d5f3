package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// findPackageFile finds <dir>/node_modules/<rel> in dir or the nearest parent directory that has
// it, which is how Node's require() looks packages up (minus NODE_PATH and exports maps, which
// neither @pulumi/pulumi's cmd/run nor a package.json need). The run script must come from the
// program's own node_modules so that it is the same @pulumi/pulumi copy the program imports.
func findPackageFile(dir, rel string) (string, error) {
	start, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := start; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "node_modules", filepath.FromSlash(rel))
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return "", fmt.Errorf(
		"could not find node_modules/%s in %s or any parent directory; "+
			"the Pulumi Node.js SDK is not installed (run `npm install` in the program directory)",
		rel, start)
}
