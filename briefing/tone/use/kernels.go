package use

import "math"

// matMulPlain sets dst (m × n) to x (m × k) times w (k × n), all row-major.
func matMulPlain(dst, x, w []float32, m, k, n int) {
	for r := range m {
		row := dst[r*n : (r+1)*n]
		clear(row)
		for i, a := range x[r*k : (r+1)*k] {
			if a != 0 {
				axpy(row, w[i*n:(i+1)*n], a)
			}
		}
	}
}

// axpy adds a·x to y.
func axpy(y, x []float32, a float32) {
	x = x[:len(y)]
	i := 0
	for ; i+4 <= len(y); i += 4 {
		y[i] += a * x[i]
		y[i+1] += a * x[i+1]
		y[i+2] += a * x[i+2]
		y[i+3] += a * x[i+3]
	}
	for ; i < len(y); i++ {
		y[i] += a * x[i]
	}
}

// dot is the dot product of x and y.
func dot(x, y []float32) float32 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(x); i += 4 {
		s0 += x[i] * y[i]
		s1 += x[i+1] * y[i+1]
		s2 += x[i+2] * y[i+2]
		s3 += x[i+3] * y[i+3]
	}
	for ; i < len(x); i++ {
		s0 += x[i] * y[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// addBias adds b to each of the rows of dst.
func addBias(dst, b []float32, rows int) {
	for r := range rows {
		addTo(dst[r*len(b):(r+1)*len(b)], b)
	}
}

// addTo adds src to dst.
func addTo(dst, src []float32) {
	src = src[:len(dst)]
	for i := range dst {
		dst[i] += src[i]
	}
}

// layerNorm normalises each of the rows (width d) of x into dst:
// (x − mean)·scale/√(var + eps) + bias, in the graph's order of operations.
func layerNorm(dst, x, scale, bias []float32, rows, d int, eps float32) {
	for r := range rows {
		in, out := x[r*d:(r+1)*d], dst[r*d:(r+1)*d]
		var sum float32
		for _, v := range in {
			sum += v
		}
		mean := sum / float32(d)
		var sq float32
		for i, v := range in {
			out[i] = v - mean
			sq += out[i] * out[i]
		}
		inv := float32(1 / math.Sqrt(float64(sq/float32(d)+eps)))
		for i := range out {
			out[i] = scale[i]*inv*out[i] + bias[i]
		}
	}
}
