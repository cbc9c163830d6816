package use

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
)

// matMulGonum is matMulPlain done by gonum's float32 GEMM, whose inner
// loops are SIMD assembly on amd64 and arm64: about three times faster
// (see BenchmarkEmbed).
func matMulGonum(dst, x, w []float32, m, k, n int) {
	a := blas32.General{Rows: m, Cols: k, Stride: k, Data: x[:m*k]}
	b := blas32.General{Rows: k, Cols: n, Stride: n, Data: w[:k*n]}
	c := blas32.General{Rows: m, Cols: n, Stride: n, Data: dst[:m*n]}
	blas32.Gemm(blas.NoTrans, blas.NoTrans, 1, a, b, 0, c)
}
