import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { endsInWord, findTokens, type TokenTextKind, tokenTailStart } from "./find-tokens.ts";

const spans = (text: string, kind?: TokenTextKind) =>
  findTokens(text, kind).map((m) => [text.slice(m.start, m.end), m.token]);

/** Replaces each token found by `<canonical>` → `{canonical without brackets, lower case}`. */
const replace = (text: string, kind?: TokenTextKind, afterWord = false) => {
  let out = "";
  let at = 0;
  for (const m of findTokens(text, kind, { afterWord })) {
    out += `${text.slice(at, m.start)}«${m.token.slice(1, -1).toLowerCase()}»`;
    at = m.end;
  }
  return out + text.slice(at);
};

describe("findTokens", () => {
  test("the forms a model gives a token back in, each read as Gardien's token", () => {
    assert.deepEqual(
      spans(
        "A <PERSON_1>, B PERSON_2, C &lt;EMAIL_1&gt;, D \\<CREDIT\\_CARD\\_1\\>, E [IBAN_3], F {{FR_NIR_1}}, G {PHONE_12}.",
      ),
      [
        ["<PERSON_1>", "<PERSON_1>"],
        ["PERSON_2", "<PERSON_2>"],
        ["&lt;EMAIL_1&gt;", "<EMAIL_1>"],
        ["\\<CREDIT\\_CARD\\_1\\>", "<CREDIT_CARD_1>"],
        ["[IBAN_3]", "<IBAN_3>"],
        ["{{FR_NIR_1}}", "<FR_NIR_1>"],
        ["{PHONE_12}", "<PHONE_12>"],
      ],
    );
    assert.deepEqual(spans("POSTAL\\_ADDRESS\\_1 et IP_ADDRESS_2"), [
      ["POSTAL\\_ADDRESS\\_1", "<POSTAL_ADDRESS_1>"],
      ["IP_ADDRESS_2", "<IP_ADDRESS_2>"],
    ]);
    assert.deepEqual(spans("<PERSON_1>'s, (PERSON_1)."), [
      ["<PERSON_1>", "<PERSON_1>"],
      ["PERSON_1", "<PERSON_1>"],
    ]);
  });

  test("in other cases, translated into French, spaced: read inside delimiters, translated also bare", () => {
    assert.deepEqual(
      spans(
        "A <Person_1>, B [person_2], C <PERSONNE_3>, D {{Adresse postale 1}}, E &lt;Téléphone-2&gt;, F <carte bancaire 1>.",
      ),
      [
        ["<Person_1>", "<PERSON_1>"],
        ["[person_2]", "<PERSON_2>"],
        ["<PERSONNE_3>", "<PERSON_3>"],
        ["{{Adresse postale 1}}", "<POSTAL_ADDRESS_1>"],
        ["&lt;Téléphone-2&gt;", "<PHONE_2>"],
        ["<carte bancaire 1>", "<CREDIT_CARD_1>"],
      ],
    );
    assert.deepEqual(
      spans("ADRESSE_POSTALE_2, ADRESSE_1, TÉLÉPHONE_1, NIR_1, DATE\\_DE\\_NAISSANCE\\_1, <Adresse IP 4>"),
      [
        ["ADRESSE_POSTALE_2", "<POSTAL_ADDRESS_2>"],
        ["ADRESSE_1", "<POSTAL_ADDRESS_1>"],
        ["TÉLÉPHONE_1", "<PHONE_1>"],
        ["NIR_1", "<FR_NIR_1>"],
        ["DATE\\_DE\\_NAISSANCE\\_1", "<DATE_OF_BIRTH_1>"],
        ["<Adresse IP 4>", "<IP_ADDRESS_4>"],
      ],
    );
  });

  test("what is not a token: other names, lower case, glued to a word, no number, too long a number", () => {
    for (const text of [
      "<ORDER_1> USER_2 <URL_1> <PERSONA_1> <Adresses 1>",
      "person_1 Person_1 (Personne_1) personne_1 Personne 1 PERSON 1",
      "[Person 1] said: hello. {Person 2}: hi. Speaker-1",
      "&LT;Person_1&GT; is no HTML escape",
      "XPERSON_1 PERSON_1a MY_PERSON_1 PERSON_1_2",
      "PERSON_ <PERSON> PERSON",
      "PERSON_1234567890",
    ]) {
      assert.deepEqual(spans(text), [], text);
    }
  });

  test("a delimiter without its pair stays in the text; only the bare token is replaced", () => {
    assert.equal(replace("[PERSON_1, PERSON_2]"), "[«person_1», «person_2»]");
    assert.equal(replace("<PERSON_1 et EMAIL_1>"), "<«person_1» et «email_1»>");
    assert.equal(replace("[[PERSON_1]]"), "[«person_1»]");
    assert.equal(replace("{PERSON_1}} {{PERSON_2}"), "«person_1»} {{«person_2»}");
    assert.equal(replace("&lt;PERSON_1>"), "&lt;«person_1»>");
  });

  test("in JSON text a backslash is an escape: Markdown forms are not read, bare tokens are", () => {
    const json = JSON.stringify({ who: "\\<PERSON_1\\>", also: "PERSON\\_2", list: ["EMAIL_1"] });
    assert.deepEqual(spans(json, "json"), [
      ["PERSON_1", "<PERSON_1>"],
      ["EMAIL_1", "<EMAIL_1>"],
    ]);
    assert.doesNotThrow(() => JSON.parse(replace(json, "json")));
  });
});

describe("tokenTailStart", () => {
  test("holds what may still become a token, in any form, and nothing else", () => {
    const held = (text: string, kind?: TokenTextKind) => text.slice(tokenTailStart(text, kind));
    assert.equal(held("Bonjour <PERS"), "<PERS");
    assert.equal(held("Bonjour PERSON_1"), "PERSON_1", "may become PERSON_12");
    assert.equal(held("Bonjour PERS"), "PERS");
    assert.equal(held("Écrivez à &lt;EMAIL_1&g"), "&lt;EMAIL_1&g");
    assert.equal(held("Écrivez à &l"), "&l");
    assert.equal(held("Carte \\<CREDIT\\"), "\\<CREDIT\\");
    assert.equal(held("Carte \\<CREDIT\\_CARD\\_1\\"), "\\<CREDIT\\_CARD\\_1\\");
    assert.equal(held("x {{FR_NIR_1}"), "{{FR_NIR_1}");
    assert.equal(held("x <PERSON_1>"), "");
    assert.equal(held("x PERSON_1."), "");
    assert.equal(held("Bonjour Jean"), "", "an ordinary word goes at once");
    assert.equal(held("Bonjour JEAN"), "", "so does an upper-case one that starts no type name");
    assert.equal(held("a < b."), "");
    assert.equal(held("<div "), "");
    assert.equal(held("x XPERS"), "", "glued to X: no bare token can start in it");
    assert.equal(held("x \\<PERS", "json"), "<PERS", "in JSON the backslash is an escape");
    assert.equal(held(`<${"A".repeat(80)}>`), "");
    assert.equal(held(`x ${"A".repeat(80)}`), "");
    assert.equal(tokenTailStart("PERS", "text", { afterWord: true }), 4, "glued to the piece before");
    assert.equal(tokenTailStart("<PERS", "text", { afterWord: true }), 0, "a bracket may follow a word");
  });

  test("a piece that goes on from a word: a bare token at its start is glued to it", () => {
    assert.deepEqual(spans("PERSON_1 et PERSON_2"), [
      ["PERSON_1", "<PERSON_1>"],
      ["PERSON_2", "<PERSON_2>"],
    ]);
    assert.equal(replace("PERSON_1 et PERSON_2", "text", true), "PERSON_1 et «person_2»");
    assert.equal(replace("<PERSON_1> et", "text", true), "«person_1» et");
    assert.equal(endsInWord("Bonjour"), true);
    assert.equal(endsInWord("Bonjour "), false);
    assert.equal(endsInWord("", true), true, "nothing sent: what was before still counts");
  });

  test("whatever the cut, sending the text before the tail and holding the tail finds the same tokens", () => {
    const texts = [
      "Bonjour <PERSON_1>, PERSON_2 et PERSON_12 ; &lt;EMAIL_1&gt; \\<CREDIT\\_CARD\\_1\\> [IBAN_3] {{FR_NIR_1}}.",
      "{PERSON_1}} [PERSON_1, PERSON_2] <PERSON_1 et &lt;PHONE_3> I am PERSON_1",
      "XPERSON_1 <POSTAL_ADDRESS_1>POSTAL_ADDRESS_2 DATE_OF_BIRTH_1\\",
      "<Person_1> [Person 2] {{adresse postale-3}} &lt;Téléphone 1&gt; TÉLÉPHONE_12 PERSONNE_1 personne_1",
    ];
    for (const kind of ["text", "json"] as const) {
      for (const text of texts) {
        const whole = replace(text, kind);
        for (let cut = 0; cut <= text.length; cut++) {
          const first = text.slice(0, cut);
          const at = tokenTailStart(first, kind);
          const sent = first.slice(0, at);
          const streamed =
            replace(sent, kind) + replace(first.slice(at) + text.slice(cut), kind, endsInWord(sent));
          assert.equal(streamed, whole, `${kind}, cut at ${cut}: ${JSON.stringify(text.slice(0, cut))}`);
        }
      }
    }
  });

  test("the same for random texts made of token pieces, cut into three pieces anywhere", () => {
    const pieces = ["<", ">", "&lt;", "&gt;", "&", "\\", "_", "PERSON", "EMAIL", "CREDIT", "CARD", "1", "23"];
    pieces.push(" ", ".", "X", "a", "[", "]", "{", "}", "{{", "}}", "\\_", "IP", "ADDRESS", "I");
    pieces.push("PERSON_1", "EMAIL_2", "CREDIT\\_CARD_1", "IP_ADDRESS_12", "PERSON_", "PERSON\\_3");
    pieces.push(
      "Person",
      "personne",
      "PERSONNE_1",
      "-",
      "Adresse",
      "POSTALE",
      "TÉLÉ",
      "PHONE",
      "é",
      "<Person 2>",
    );
    let withTokens = 0;
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 2_000; round++) {
      let text = "";
      for (let k = 0, n = 3 + random(12); k < n; k++) text += pieces[random(pieces.length)];
      const kind = round % 2 === 0 ? "text" : "json";
      const cuts = [random(text.length + 1), random(text.length + 1)].sort((a, b) => a - b);
      let held = "";
      let streamed = "";
      let afterWord = false;
      for (const piece of [text.slice(0, cuts[0]), text.slice(cuts[0], cuts[1]), text.slice(cuts[1])]) {
        const open = held + piece;
        const at = tokenTailStart(open, kind, { afterWord });
        streamed += replace(open.slice(0, at), kind, afterWord);
        afterWord = endsInWord(open.slice(0, at), afterWord);
        held = open.slice(at);
      }
      streamed += replace(held, kind, afterWord);
      if (findTokens(text, kind).length > 0) withTokens++;
      assert.equal(streamed, replace(text, kind), `${kind} ${JSON.stringify(text)} cut at ${cuts}`);
    }
    assert.ok(withTokens > 300, `${withTokens} texts hold a token`);
  });
});
