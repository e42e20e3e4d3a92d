import assert from "node:assert/strict";
import { test } from "node:test";
import { readInputLine } from "./input-line.ts";
import { emptyLineFields, locateLineFields } from "./locate-line-fields.ts";

/** Lines the byte reader must take, and lines it must leave to the general path (which then decides). */
const TAKEN = [
  '{"id":1,"text":"Bonjour"}',
  '{"id":"m-1","text":"Écrivez à jean@exemple.fr","lang":"fr"}',
  '{ "id" : 42 , "text" : "spaced, as Python writes it", "lang" : "en" }',
  '{"text":"keys in another order","id":-7}',
  '{"id":"a","text":"","conversation":"c1","source":"crm","n":12}',
  '{"id":"né-ici","text":"id with an accent: decoded, not copied"}',
  '{"id":0,"text":"zero"}\r',
  '{"id":123456789012345,"text":"fifteen digits"}',
  '\t{"id":1,"text":"tab before"}  ',
  '{"id":1,"text":"emoji 👋 and ∑"}',
];
const LEFT = [
  "",
  "   ",
  "not json",
  '{"id":1,"text":"line with a \\"quote\\""}',
  '{"id":"a\\u00e9","text":"escaped id"}',
  '{"id":-0,"text":"minus zero"}',
  '{"id":1.5,"text":"fraction"}',
  '{"id":1e3,"text":"exponent"}',
  '{"id":1234567890123456,"text":"sixteen digits"}',
  '{"id":01,"text":"leading zero"}',
  '{"id":1,"text":"a","id":2}',
  '{"id":1,"text":42}',
  '{"id":true,"text":"boolean id"}',
  '{"id":1,"text":"t","lang":"de"}',
  '{"id":1,"text":"t","lang":null}',
  '{"id":1,"text":"t","meta":{"a":1}}',
  '{"id":1,"text":"t","tags":["a"]}',
  '{"id":1,"text":"t","flag":false}',
  '{"id":1,"text":"t","conversation":3}',
  '{"id":1}',
  '{"text":"no id"}',
  "{}",
  '{"id":1,"text":"t"} trailing',
  '{"id":1,"text":"t",}',
  '{"id":1,"text":"lone\rcarriage return"}',
  '\uFEFF{"id":1,"text":"byte order mark"}',
  '{"id":1,"text":"unterminated',
  '[{"id":1,"text":"array"}]',
];

test("the byte reader takes the common shapes and reads what JSON.parse and the schema read", () => {
  const f = emptyLineFields();
  for (const line of TAKEN) {
    const bytes = Buffer.from(`xx${line}\nnext`);
    const end = bytes.indexOf(10);
    assert.ok(locateLineFields(bytes, 2, end, f), line);
    const expected = readInputLine(line.replace(/\r$/, ""));
    assert.ok(expected && "text" in expected, line);
    assert.equal(bytes.toString("utf8", f.textStart, f.textEnd), expected.text, line);
    assert.equal(f.lang, expected.lang, line);
    const idJson = bytes.toString("utf8", f.idStart, f.idEnd);
    assert.equal(JSON.parse(idJson), expected.id, line);
    assert.equal(f.idVerbatim, JSON.stringify(expected.id) === idJson && /^[\x20-\x7e]*$/.test(idJson), line);
  }
});

test("anything else is left to the general path, without reading past the line", () => {
  const f = emptyLineFields();
  for (const line of LEFT) {
    // The next line is valid: a reader that ran past the end would see it.
    const bytes = Buffer.from(`${line}\n{"id":9,"text":"x"}`);
    const end = bytes.indexOf(10);
    assert.equal(locateLineFields(bytes, 0, end, f), false, JSON.stringify(line));
  }
});

test("invalid UTF-8 in the text decodes as the whole line would", () => {
  const bytes = Buffer.concat([
    Buffer.from('{"id":1,"text":"a'),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from('b"}'),
  ]);
  const f = emptyLineFields();
  assert.ok(locateLineFields(bytes, 0, bytes.length, f));
  const whole = readInputLine(bytes.toString("utf8"));
  assert.ok(whole && "text" in whole);
  assert.equal(bytes.toString("utf8", f.textStart, f.textEnd), whole.text);
});
