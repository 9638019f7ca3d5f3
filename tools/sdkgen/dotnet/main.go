// Command koophone-sdkgen-dotnet writes the .NET SDK of the koophone package from schema.json with Pulumi's own .NET
// code generator. pkg/v3 v3.228.0 is the last release that ships pkg/codegen/dotnet: later releases moved it to
// github.com/pulumi/pulumi-dotnet/pulumi-language-dotnet/v3/codegen, a module the Go module proxy does not serve
// here. Hence this separate module, pinned at v3.228.0, beside ../ (Python and Go at the engine's v3.277.0).
//
//	go run . -schema ../../../schema.json -out ../../../generated-sdks
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "koophone-sdkgen"

// csharp is merged into the schema's "language" section: the assembly and namespace are Pulumi.KooPhone (the
// generator's default would be Pulumi.Koophone).
var csharp = map[string]any{
	"namespaces":           map[string]string{"koophone": "KooPhone"},
	"respectSchemaVersion": true,
}

func main() {
	// The generator downloads the package logo (schema.json has no logoUrl, so Pulumi's, from GitHub) with http.Get;
	// nothing but the package registries is reachable here, and the output must not depend on the network anyway.
	http.DefaultTransport = logoTransport{}
	schemaPath := flag.String("schema", "schema.json", "path of the package schema")
	out := flag.String("out", "generated-sdks", "output directory; <out>/dotnet is replaced")
	flag.Parse()
	if err := run(*schemaPath, filepath.Join(*out, "dotnet")); err != nil {
		fmt.Fprintln(os.Stderr, "koophone-sdkgen-dotnet:", err)
		os.Exit(1)
	}
}

func run(schemaPath, dir string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	if spec.Language == nil {
		spec.Language = map[string]schema.RawMessage{}
	}
	b, err := json.Marshal(csharp)
	if err != nil {
		return err
	}
	spec.Language["csharp"] = schema.RawMessage(b)
	// The .csproj's Authors and Company; the generator's default is "Pulumi Corp.", who do not publish this package.
	if spec.Publisher == "" {
		spec.Publisher = "pulumi-koophone maintainers"
	}
	if spec.Meta == nil {
		spec.Meta = &schema.MetadataSpec{}
	}
	spec.Meta.SupportPack = true
	pkg, diags, err := schema.BindSpec(spec, noReferences{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s does not bind: %s", schemaPath, diags.Error())
	}
	if err := pkg.ImportLanguages(map[string]schema.Language{"csharp": dotnet.Importer}); err != nil {
		return err
	}
	files, err := dotnet.GeneratePackage(tool, pkg, nil, nil)
	if err != nil {
		return err
	}
	// Replace the whole directory: files of a removed resource must not survive a regeneration.
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
	fmt.Printf("koophone-sdkgen-dotnet: %d files in %s\n", len(files), dir)
	return nil
}

// logoTransport answers every request with the same generated 64x64 logo (KooPhone's red), so the .NET SDK's logo.png
// is reproducible.
type logoTransport struct{}

func (logoTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for x := range 64 {
		for y := range 64 {
			img.Set(x, y, color.RGBA{R: 0xc7, G: 0x00, B: 0x0b, A: 0xff})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, err
	}
	return &http.Response{
		StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"image/png"}}, Body: io.NopCloser(&b), ContentLength: int64(b.Len()),
		Request: r,
	}, nil
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
