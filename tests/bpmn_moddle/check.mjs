// Parses each BPMN file with bpmn-moddle (bpmn.io's parser) and prints every
// warning it reports; exits 1 when there is any, or a file fails to parse.
import { readFile } from 'node:fs/promises';
import BpmnModdle from 'bpmn-moddle';

let failed = 0;
for (const file of process.argv.slice(2)) {
  const moddle = new BpmnModdle();
  try {
    const { rootElement, warnings } = await moddle.fromXML(await readFile(file, 'utf8'));
    if (!rootElement || rootElement.$type !== 'bpmn:Definitions') {
      console.log(`${file}: error: the root is no bpmn:Definitions`);
      failed++;
    }
    for (const w of warnings) console.log(`${file}: warning: ${w.message}`);
    if (warnings.length) failed++;
    else console.log(`${file}: ok`);
  } catch (e) {
    console.log(`${file}: error: ${e.message}`);
    failed++;
  }
}
const total = process.argv.length - 2;
console.log(`${total - failed} passed, ${failed} failed`);
process.exit(failed || total === 0 ? 1 : 0);
