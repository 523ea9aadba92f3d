// Render ZPL to PNG with zpl-renderer-js, the WebAssembly build of the zebrash ZPL renderer:
// an engine independent of ours, used to prove that Lotline's ZPL decodes to the intended UDI.
//
//   node render_zpl.mjs WIDTH_MM HEIGHT_MM DPMM < label.zpl > label.png
//   node render_zpl.mjs --serve
//       one JSON request per stdin line {"zpl", "width_mm", "height_mm", "dpmm"},
//       one JSON answer per stdout line {"png": base64} or {"error": text}
import { createInterface } from "node:readline";
import { ready } from "zpl-renderer-js";

const { api } = await ready;

async function renderOnce(zpl, widthMm, heightMm, dpmm) {
  return Buffer.from(await api.zplToBase64Async(zpl, widthMm, heightMm, dpmm), "base64");
}

async function serve() {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let answer;
    try {
      const req = JSON.parse(line);
      const png = await renderOnce(req.zpl, req.width_mm, req.height_mm, req.dpmm);
      answer = { png: png.toString("base64") };
    } catch (err) {
      answer = { error: String(err) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
}

async function single(args) {
  const [widthMm, heightMm, dpmm] = args.map(Number);
  if (![widthMm, heightMm, dpmm].every((v) => Number.isFinite(v) && v > 0)) {
    process.stderr.write("usage: node render_zpl.mjs WIDTH_MM HEIGHT_MM DPMM < label.zpl\n");
    process.exit(2);
  }
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  try {
    process.stdout.write(await renderOnce(Buffer.concat(chunks).toString("utf8"), widthMm, heightMm, dpmm));
  } catch (err) {
    process.stderr.write(`zpl-renderer-js failed: ${err}\n`);
    process.exit(1);
  }
}

const args = process.argv.slice(2);
if (args[0] === "--serve") await serve();
else await single(args);
process.exit(0);
