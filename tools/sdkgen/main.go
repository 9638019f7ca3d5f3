// Command koophone-sdkgen writes the Python and Go SDKs of the koophone package from the repository's schema.json with
// Pulumi's own code generators (pkg/codegen/python and pkg/codegen/go of pkg/v3 v3.277.0, the engine's version).
// The .NET SDK comes from ./dotnet, a separate module: pkg/v3 dropped pkg/codegen/dotnet after v3.228.0.
//
//	go run . -schema ../../schema.json -out ../../generated-sdks
//
// schema.json stays the plugin's schema exactly as GetSchema serves it; the per-language package names are an overlay
// applied here, so that generating SDKs never changes what the engine validates.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"golang.org/x/mod/modfile"
)

// tool is the generator name the code generators print in every file's "do not edit" header.
const tool = "koophone-sdkgen"

// pulumiSDK is the Go SDK the generated module requires: the engine's own version (tools/pulumi-engine/go.mod), so the
// Go SDK builds from the module cache the engine build already filled. (pkg/codegen/go writes v3.269.0.)
const pulumiSDK = "v3.277.0"

// languages is merged into the schema's "language" section before binding.
var languages = map[string]any{
	"python": map[string]any{
		"packageName":          "pulumi_koophone",
		"respectSchemaVersion": true,
		"pyproject":            map[string]any{"enabled": true},
		"requires":             map[string]string{"pulumi": ">=3.0.0,<4.0.0"},
	},
	"go": map[string]any{
		// Not go-gettable on purpose: the SDK lives in this repository, and a program uses it through a replace
		// directive (examples/go-fleet) until it is published under a real module path.
		"importBasePath":       "pulumi-koophone.local/generated-sdks/go/koophone",
		"respectSchemaVersion": true,
	},
}

func main() {
	schemaPath := flag.String("schema", "schema.json", "path of the package schema")
	out := flag.String("out", "generated-sdks", "output directory; <out>/python and <out>/go are replaced")
	flag.Parse()
	if err := run(*schemaPath, *out); err != nil {
		fmt.Fprintln(os.Stderr, "koophone-sdkgen:", err)
		os.Exit(1)
	}
}

func run(schemaPath, out string) error {
	pkg, err := bindSchema(schemaPath)
	if err != nil {
		return err
	}
	py, err := python.GeneratePackage(tool, pkg, nil, noReferences{})
	if err != nil {
		return fmt.Errorf("python: %w", err)
	}
	if err := writeTree(filepath.Join(out, "python"), py); err != nil {
		return err
	}
	gofiles, err := gogen.GeneratePackage(tool, pkg, nil)
	if err != nil {
		return fmt.Errorf("go: %w", err)
	}
	if gofiles["go.mod"], err = pinPulumiSDK(gofiles["go.mod"]); err != nil {
		return err
	}
	return writeTree(filepath.Join(out, "go"), gofiles)
}

// bindSchema reads schema.json, adds the language overlay and binds it with the engine's validation (BindSpec), so
// a schema the engine would reject fails here too.
func bindSchema(path string) (*schema.Package, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if spec.Language == nil {
		spec.Language = map[string]schema.RawMessage{}
	}
	for lang, info := range languages {
		b, err := json.Marshal(info)
		if err != nil {
			return nil, err
		}
		spec.Language[lang] = schema.RawMessage(b)
	}
	// Packing: the generators then write the package manifests (pyproject.toml, go.mod) as `pulumi package gen-sdk`
	// does.
	if spec.Meta == nil {
		spec.Meta = &schema.MetadataSpec{}
	}
	spec.Meta.SupportPack = true
	pkg, diags, err := schema.BindSpec(spec, noReferences{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s does not bind: %s", path, diags.Error())
	}
	return pkg, nil
}

func pinPulumiSDK(gomod []byte) ([]byte, error) {
	f, err := modfile.Parse("go.mod", gomod, nil)
	if err != nil {
		return nil, err
	}
	if err := f.AddRequire("github.com/pulumi/pulumi/sdk/v3", pulumiSDK); err != nil {
		return nil, err
	}
	return f.Format()
}

// writeTree replaces dir with exactly files (stale files of a removed resource must not survive a regeneration).
func writeTree(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("koophone-sdkgen: %d files in %s\n", len(files), dir)
	return nil
}

// noReferences is the schema loader: schema.json refers to no other package, so any load is an error.
type noReferences struct{}

func noReference(pkg string) error {
	return fmt.Errorf("schema.json refers to package %q; koophone-sdkgen loads no other package", pkg)
}

func (noReferences) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, noReference(pkg)
}

func (noReferences) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, noReference(d.Name)
}

func (noReferences) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, noReference(pkg)
}

func (noReferences) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, noReference(d.Name)
}
