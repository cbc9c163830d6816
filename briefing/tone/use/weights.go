package use

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
)

// graphFile is the part of a TF.js GraphModel's model.json that we read.
type graphFile struct {
	ModelTopology struct {
		Node []struct {
			Name string `json:"name"`
			Op   string `json:"op"`
		} `json:"node"`
	} `json:"modelTopology"`
	WeightsManifest []struct {
		Paths   []string     `json:"paths"`
		Weights []weightSpec `json:"weights"`
	} `json:"weightsManifest"`
}

// weightSpec describes one tensor of a weight group.
type weightSpec struct {
	Name         string          `json:"name"`
	Shape        []int           `json:"shape"`
	Dtype        string          `json:"dtype"`
	Quantization json.RawMessage `json:"quantization"`
}

// tensor is a constant of the graph: float32 or int32 values, row-major.
type tensor struct {
	shape []int
	f32   []float32
	i32   []int32
}

// weights holds the constants of a graph by node name.
type weights map[string]tensor

// maxWeightBytes bounds what one tensor may claim, so that a malformed
// manifest cannot make us allocate without limit.
const maxWeightBytes = 1 << 30

// readWeights reads model.json in dir and the weight shards it lists, in the
// order of its manifest (little-endian float32 and int32, concatenated over
// the shards of each group).
func readWeights(dir string) (weights, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "model.json"))
	if err != nil {
		return nil, fmt.Errorf("use: read graph: %w", err)
	}
	var g graphFile
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("use: read graph %s: %w", filepath.Join(dir, "model.json"), err)
	}
	if len(g.ModelTopology.Node) == 0 || len(g.WeightsManifest) == 0 {
		return nil, fmt.Errorf("use: read graph %s: no nodes or no weights manifest", filepath.Join(dir, "model.json"))
	}
	consts := map[string]bool{}
	for _, n := range g.ModelTopology.Node {
		if n.Op == "Const" {
			consts[n.Name] = true
		}
	}
	w := weights{}
	for gi, group := range g.WeightsManifest {
		r, err := openShards(dir, group.Paths)
		if err != nil {
			return nil, err
		}
		for _, spec := range group.Weights {
			t, err := readTensor(r, spec)
			if err != nil {
				r.Close()
				return nil, fmt.Errorf("use: weight group %d: %w", gi, err)
			}
			if consts[spec.Name] {
				w[spec.Name] = t
			}
		}
		extra, err := io.Copy(io.Discard, r)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("use: weight group %d: %w", gi, err)
		}
		if extra != 0 {
			return nil, fmt.Errorf("use: weight group %d: %d bytes beyond the weights the manifest lists", gi, extra)
		}
	}
	return w, nil
}

// shards reads the files of one weight group one after the other.
type shards struct {
	io.Reader
	files []*os.File
}

func (s *shards) Close() {
	for _, f := range s.files {
		f.Close()
	}
}

func openShards(dir string, paths []string) (*shards, error) {
	s := &shards{}
	var readers []io.Reader
	for _, p := range paths {
		if !filepath.IsLocal(p) {
			s.Close()
			return nil, fmt.Errorf("use: weight shard %q is not a path inside %s", p, dir)
		}
		f, err := os.Open(filepath.Join(dir, p))
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("use: weight shard: %w", err)
		}
		s.files = append(s.files, f)
		readers = append(readers, f)
	}
	s.Reader = io.MultiReader(readers...)
	return s, nil
}

func readTensor(r io.Reader, spec weightSpec) (tensor, error) {
	if len(spec.Quantization) > 0 && string(spec.Quantization) != "null" {
		return tensor{}, fmt.Errorf("weight %q: quantized weights are not supported", spec.Name)
	}
	n := 1
	for _, d := range spec.Shape {
		if d < 0 || (d > 0 && n > maxWeightBytes/4/d) {
			return tensor{}, fmt.Errorf("weight %q: bad shape %v", spec.Name, spec.Shape)
		}
		n *= d
	}
	buf := make([]byte, 4*n)
	if _, err := io.ReadFull(r, buf); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return tensor{}, fmt.Errorf("weight %q: the shards end early", spec.Name)
		}
		return tensor{}, fmt.Errorf("weight %q: %w", spec.Name, err)
	}
	t := tensor{shape: slices.Clone(spec.Shape)}
	switch spec.Dtype {
	case "float32":
		t.f32 = make([]float32, n)
		for i := range t.f32 {
			t.f32[i] = math.Float32frombits(binary.LittleEndian.Uint32(buf[4*i:]))
		}
	case "int32":
		t.i32 = make([]int32, n)
		for i := range t.i32 {
			t.i32[i] = int32(binary.LittleEndian.Uint32(buf[4*i:]))
		}
	default:
		return tensor{}, fmt.Errorf("weight %q: dtype %q is not supported", spec.Name, spec.Dtype)
	}
	return t, nil
}

// floats returns the float32 values of the named constant, checking that its
// shape is want once dimensions of size 1 are dropped.
func (w weights) floats(name string, want ...int) ([]float32, error) {
	t, ok := w[name]
	if !ok {
		return nil, fmt.Errorf("use: the graph has no constant %q", name)
	}
	if t.f32 == nil && len(t.i32) > 0 {
		return nil, fmt.Errorf("use: constant %q is int32, want float32", name)
	}
	if got := squeeze(t.shape); !slices.Equal(got, want) {
		return nil, fmt.Errorf("use: constant %q has shape %v, want %v", name, t.shape, want)
	}
	return t.f32, nil
}

// scalar returns the one value of a float32 or int32 constant.
func (w weights) scalar(name string) (float64, error) {
	t, ok := w[name]
	switch {
	case !ok:
		return 0, fmt.Errorf("use: the graph has no constant %q", name)
	case len(t.f32) == 1:
		return float64(t.f32[0]), nil
	case len(t.i32) == 1:
		return float64(t.i32[0]), nil
	}
	return 0, fmt.Errorf("use: constant %q has shape %v, want a scalar", name, t.shape)
}

func squeeze(shape []int) []int {
	out := []int{}
	for _, d := range shape {
		if d != 1 {
			out = append(out, d)
		}
	}
	return out
}
