// Package doccheck_test proves that every Go snippet of README.md and of
// the doc.go files is code that compiles and runs in a test: each must
// stand, word for word, between a "// snippet begin" and a "// snippet
// end" line of a _test.go file of the module, or of an example program
// (examples/, each run by its own test).
package doccheck_test

import (
	"bufio"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// root is the module's root, from this package's folder.
const root = "../.."

// notCode are the first lines of indented doc blocks that are not Go (a
// table, a command line); any other block must be a tested snippet.
var notCode = map[string]bool{
	"region ap-guangzhou  vpc-2ari9m7h (old id gz_vpc_15, 10.0.0.0/16)": true,
}

func TestSnippetsAreTested(t *testing.T) {
	t.Parallel()
	tested := testedSnippets(t)
	require.NotEmpty(t, tested)
	blocks := map[string][]string{} // by file
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "interop" && path != root):
			return filepath.SkipDir
		case d.Name() == "doc.go":
			blocks[path] = docBlocks(t, path)
		case path == filepath.Join(root, "README.md"):
			blocks[path] = markdownBlocks(t, path)
		}
		return nil
	})
	require.NoError(t, err)
	require.Contains(t, blocks, filepath.Join(root, "README.md"))
	n := 0
	for file, list := range blocks {
		for _, b := range list {
			first, _, _ := strings.Cut(b, "\n")
			if notCode[first] {
				continue
			}
			n++
			assert.True(t, isGo(b), "%s: a block that does not parse as Go:\n%s", file, b)
			assert.True(t, tested[b], "%s: a snippet that no test runs (copy it between snippet lines of a test):\n%s", file, b)
		}
	}
	assert.Greater(t, n, 5)
}

// testedSnippets reads the snippet regions of every _test.go file and of
// the example programs, with their common indentation removed.
func testedSnippets(t *testing.T) map[string]bool {
	out := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		example := strings.HasPrefix(path, filepath.Join(root, "examples")+string(filepath.Separator)) && strings.HasSuffix(path, ".go")
		if err != nil || !strings.HasSuffix(path, "_test.go") && !example {
			return err
		}
		var region []string
		in := false
		for _, line := range readLines(t, path) {
			switch strings.TrimSpace(line) {
			case "// snippet begin":
				in, region = true, nil
			case "// snippet end":
				in = false
				out[dedent(region)] = true
			default:
				if in {
					region = append(region, line)
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	return out
}

// docBlocks returns the code blocks of a doc comment: runs of lines that
// begin with "//" and a tab.
func docBlocks(t *testing.T, path string) []string {
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, dedent(cur))
		}
		cur = nil
	}
	for _, line := range readLines(t, path) {
		if rest, ok := strings.CutPrefix(line, "//\t"); ok {
			cur = append(cur, "\t"+rest)
			continue
		}
		flush()
	}
	flush()
	return out
}

// markdownBlocks returns the ```go blocks of a Markdown file.
func markdownBlocks(t *testing.T, path string) []string {
	var out, cur []string
	in := false
	for _, line := range readLines(t, path) {
		switch {
		case line == "```go":
			in, cur = true, nil
		case in && line == "```":
			in = false
			out = append(out, dedent(cur))
		case in:
			cur = append(cur, line)
		}
	}
	return out
}

// dedent removes the leading tabs all non-blank lines share and trailing
// blank lines.
func dedent(lines []string) string {
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, "\t"))
		if common < 0 || n < common {
			common = n
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if len(l) >= common && common > 0 {
			l = l[common:]
		}
		out[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

// isGo reports whether b parses as Go declarations or statements.
func isGo(b string) bool {
	fset := token.NewFileSet()
	if _, err := parser.ParseFile(fset, "", "package p\n"+b, 0); err == nil {
		return true
	}
	_, err := parser.ParseFile(fset, "", "package p\nfunc _() {\n"+b+"\n}", 0)
	return err == nil
}

func readLines(t *testing.T, path string) []string {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var lines []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		lines = append(lines, s.Text())
	}
	require.NoError(t, s.Err())
	return lines
}
