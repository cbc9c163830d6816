package tone

import (
	_ "embed"
	"sync"
)

// modelJSON is the model trained on every labelled sentence of the dev
// set, written by `attache eval tone --train` (MarshalModel).
//
//go:embed model.json
var modelJSON []byte

// embeddedModel is modelJSON parsed, once: read-only after that. It is nil
// only when the file is not a model, which a test forbids.
var embeddedModel = sync.OnceValue(func() *Model {
	m, err := ParseModel(modelJSON)
	if err != nil {
		return nil
	}
	return m
})
