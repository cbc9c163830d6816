package use

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loadModel loads the model from ATTACHE_USE_DIR, or skips.
func loadModel(t testing.TB) *Model {
	t.Helper()
	m, err := Load(useDir(t))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestEmbedMatchesJS checks the vectors against those the TF.js graph gave
// (testdata/embed_vecs.jsonl, made by node/fixture.mjs --embed, to 7
// decimals): at most 1e-4 apart in every component.
func TestEmbedMatchesJS(t *testing.T) {
	m := loadModel(t)
	fx := readFixtures(t, filepath.Join("testdata", "embed_vecs.jsonl"))
	var worst float64
	for _, x := range fx {
		got := m.Embed(x.Text)
		if len(got) != len(x.Vec) {
			t.Fatalf("Embed(%q): %d components, want %d", x.Text, len(got), len(x.Vec))
		}
		var d float64
		for i := range got {
			d = max(d, math.Abs(float64(got[i]-x.Vec[i])))
		}
		if d > 1e-4 {
			t.Errorf("Embed(%q): a component is %.2g from the JS one, want ≤ 1e-4", x.Text, d)
		}
		worst = max(worst, d)
	}
	t.Logf("%d sentences, largest difference from JS %.3g", len(fx), worst)
}

func TestEmbedUnitLength(t *testing.T) {
	m := loadModel(t)
	for _, s := range []string{"", "Japan", strings.Repeat("talks ", 300)} {
		v := m.Embed(s)
		var sum float64
		for _, x := range v {
			sum += float64(x) * float64(x)
		}
		if math.Abs(sum-1) > 1e-5 || len(v) != Dim {
			t.Errorf("Embed(%.20q): %d components, squared length %v, want %d and 1", s, len(v), sum, Dim)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := useDir(t)
	copyTo := func(t *testing.T, skip string, edit func(name string, b []byte) []byte) string {
		t.Helper()
		tmp := t.TempDir()
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() == skip || e.IsDir() {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if edit != nil {
				b = edit(e.Name(), b)
			}
			if err := os.WriteFile(filepath.Join(tmp, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return tmp
	}
	tests := []struct {
		name string
		skip string
		edit func(string, []byte) []byte
	}{
		{"no vocabulary", "vocab.json", nil},
		{"no graph", "model.json", nil},
		{"a shard missing", "group1-shard3of7", nil},
		{"last shard short", "", func(n string, b []byte) []byte {
			if n == "group1-shard7of7" {
				return b[:len(b)-4]
			}
			return b
		}},
		{"last shard long", "", func(n string, b []byte) []byte {
			if n == "group1-shard7of7" {
				return append(b, 0, 0, 0, 0)
			}
			return b
		}},
		{"graph cut short", "", func(n string, b []byte) []byte {
			if n == "model.json" {
				return b[:len(b)/2]
			}
			return b
		}},
		{"a weight renamed", "", func(n string, b []byte) []byte {
			if n == "model.json" {
				return []byte(strings.ReplaceAll(string(b), "tanh_layer_0/bias", "tanh_layer_0/bias2"))
			}
			return b
		}},
		{"a shard outside the directory", "", func(n string, b []byte) []byte {
			if n == "model.json" {
				return []byte(strings.Replace(string(b), `"group1-shard1of7"`, `"../group1-shard1of7"`, 1))
			}
			return b
		}},
		{"vocabulary not a list", "", func(n string, b []byte) []byte {
			if n == "vocab.json" {
				return []byte(`{"a": 1}`)
			}
			return b
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Load(copyTo(t, tt.skip, tt.edit)); err == nil {
				t.Errorf("Load: no error")
			} else {
				t.Log(err)
			}
		})
	}
	if _, err := Load(filepath.Join(t.TempDir(), "absent")); err == nil {
		t.Error("Load(absent directory): no error")
	}
}

// TestKernelsAgree checks that the plain Go matrix product gives the same
// vectors as gonum's, to float32 rounding.
func TestKernelsAgree(t *testing.T) {
	m := loadModel(t)
	plain := *m
	plain.mul = matMulPlain
	for _, s := range []string{"Japan and Italy signed a pact.", strings.Repeat("Border talks resumed. ", 10)} {
		a, b := m.Embed(s), plain.Embed(s)
		for i := range a {
			if d := math.Abs(float64(a[i] - b[i])); d > 1e-5 {
				t.Fatalf("Embed(%q)[%d]: gonum %v, plain %v", s, i, a[i], b[i])
			}
		}
	}
}

// TestEmbedBatchMatchesEmbed checks that sentences run together get the
// vectors they get alone, and those of the JS.
func TestEmbedBatchMatchesEmbed(t *testing.T) {
	m := loadModel(t)
	fx := readFixtures(t, filepath.Join("testdata", "embed_vecs.jsonl"))
	texts := []string{""}
	for _, x := range fx {
		texts = append(texts, x.Text)
	}
	batch := m.EmbedBatch(texts)
	if len(batch) != len(texts) {
		t.Fatalf("EmbedBatch: %d vectors for %d texts", len(batch), len(texts))
	}
	var worst, worstJS float64
	for i, s := range texts {
		alone := m.Embed(s)
		for j := range alone {
			worst = max(worst, math.Abs(float64(batch[i][j]-alone[j])))
			if i > 0 {
				worstJS = max(worstJS, math.Abs(float64(batch[i][j]-fx[i-1].Vec[j])))
			}
		}
	}
	if worst > 1e-6 || worstJS > 1e-4 {
		t.Errorf("EmbedBatch: %.2g from Embed (want ≤ 1e-6), %.2g from JS (want ≤ 1e-4)", worst, worstJS)
	}
	t.Logf("%d texts in batches: %.3g from Embed, %.3g from JS", len(texts), worst, worstJS)
}
