/**
 * The report letter (data-model §7.4): the text model's rules, the PDF's sections and
 * photos (text read back from the pages), the DOCX's paragraphs (word/document.xml).
 */
import fs from 'node:fs';
import t from 'tap';
import { buildLetter, letterDate, letterLines, narrativeParagraphs, splitAddress, streetOf, subjectLine, type LetterInput } from '../src/documents/letter.js';
import { renderLetterDocx } from '../src/documents/letter-docx.js';
import { renderLetterPdf } from '../src/documents/letter-pdf.js';
import { pdfText } from './helpers/pdf-text.js';
import { sampleJob } from './helpers/samples.js';
import { unzipEntry } from './helpers/unzip.js';

const j3 = sampleJob('J0003');
const job = {
  job_id: j3.final.job_id,
  job_number: 'J0003',
  billing_name: 'Briarwood Parks District',
  billing_contact_name: 'Dana Reyes',
  billing_address: '4500 Eleanor Ave, Sacramento, CA 95841',
  job_phone: '916 555 0142',
};
const input: LetterInput = { profile: j3.final.profile, job, form: j3.final.form.data, narrative: j3.final.narrative.text, date: new Date(2026, 2, 5, 12) };

t.test('letter text rules', async (t) => {
  t.equal(letterDate(new Date(2026, 2, 5, 12)), 'March 05, 2026', 'Month DD, YYYY');
  t.equal(letterDate(new Date(2026, 11, 31, 23)), 'December 31, 2026');
  t.same(splitAddress('4500 Eleanor Ave, Sacramento, CA 95841'), { street: '4500 Eleanor Ave', cityState: 'Sacramento, CA' }, 'split at the first comma, ZIP dropped');
  t.same(splitAddress('1 Main St, Davis, CA 95616-1234'), { street: '1 Main St', cityState: 'Davis, CA' }, 'ZIP+4 dropped');
  t.same(splitAddress('123 Oak St'), { street: '123 Oak St', cityState: null }, 'no comma: street only');
  t.same(splitAddress('  '), { street: null, cityState: null });
  t.equal(streetOf('Eleanor river access, 1st parking lot'), 'Eleanor river access');
  t.equal(streetOf('77 Elm Rd CA 95670'), '77 Elm Rd', 'state and ZIP stripped');
  t.equal(subjectLine('Quercus agrifolia', 'Eleanor river access'), 'Tree species Quercus agrifolia, Eleanor river access');
  const long = subjectLine('Quercus agrifolia var. oxyadenia', 'The far north-east corner of the lower meadow by the old gate');
  t.equal(`Subject : ${long}`.length, 80, 'subject line is at most 80 characters');
  t.ok(long.endsWith('…'), 'with an ellipsis');
  t.equal(subjectLine(null, null), 'Tree species');

  t.same(narrativeParagraphs('One.\n\nTwo.\n\n\nThree.'), ['One.', 'Two.', 'Three.', '', ''], 'split on blank lines, padded to 5');
  t.same(narrativeParagraphs('One.\nTwo.'), ['One.', 'Two.', '', '', ''], 'a single block splits on newlines');
  t.same(narrativeParagraphs(''), ['', '', '', '', '']);
  t.equal(narrativeParagraphs('a\n\nb\n\nc\n\nd\n\ne\n\nf').length, 6, 'more than five are all kept');

  const letter = buildLetter(input);
  t.same(letter.sender, ['Roger Erismann', '2266 Windward ln', 'Rancho Cordova, CA', '916 699 1113'], 'sender: ZIP never shown');
  t.same(letter.recipient, ['Briarwood Parks District', 'Dana Reyes', '4500 Eleanor Ave', 'Sacramento, CA', '916 555 0142']);
  t.equal(letter.subject, 'Tree species Quercus agrifolia, Eleanor river access', 'species and street of the tree location');
  t.equal(letter.paragraphs.length, 5);
  t.same(letter.signature, ['Roger Erismann', 'ISA - WE-380138A', '916 699 1113', 'roger@hammerdirt.solutions']);
  t.equal(letter.footer, 'See TRAQ Form job J0003');

  const lines = letterLines(letter);
  t.equal(lines[5], `${' '.repeat(40)}Briarwood Parks District`, 'recipient indented 40 spaces');
  t.ok(lines.includes('Subject : Tree species Quercus agrifolia, Eleanor river access'));
  t.equal(lines.at(-1), 'roger@hammerdirt.solutions');

  const sparse = buildLetter({ ...input, profile: { ...j3.final.profile, isa_number: null, phone: null, correspondence_street: null }, job: { job_id: 'job_x', job_number: null, job_address: '9 Pine Ct, Folsom, CA 95630', customer_address: 'ignored' }, form: {} });
  t.same(sparse.signature, ['Roger Erismann', 'roger@hammerdirt.solutions'], 'signature lines only when set');
  t.notOk(sparse.signatureIsa);
  t.same(sparse.recipient, ['9 Pine Ct', 'Folsom, CA'], 'job address when there is no billing address');
  t.equal(sparse.subject, 'Tree species, 9 Pine Ct'.replace('species,', 'species,'), 'subject falls back to the job address');
  t.equal(buildLetter({ ...input, job: { job_id: 'j', job_number: 'J9', customer_address: '5 Bay St, Napa' } }).recipient[0], '5 Bay St', 'customer address last');
  t.same(buildLetter({ ...input, profile: null }).sender, [], 'no profile, no sender block');
});

const photos = () => j3.images.map((img) => ({ caption: img.caption, data: fs.createReadStream(img.file) }));

t.test('letter PDF: sections on page one, photos after, footer', async (t) => {
  const letter = buildLetter(input);
  t.equal(j3.images.length, 3, 'J0003 has its three real photos');
  const pdf = await renderLetterPdf(letter, photos());
  const { pages, text } = await pdfText(pdf);
  t.equal(pages.length, 3, 'letter page + two photo pages (two photos fit a page)');
  const first = text[0]!;
  for (const s of [...letter.sender, ...letter.recipient, 'March 05, 2026', 'Subject :', letter.subject, ...letter.signature, 'See TRAQ Form job J0003'])
    t.ok(first.includes(s), `page 1 has "${s}"`);
  for (const [i, p] of letter.paragraphs.entries()) t.ok(first.includes(p), `paragraph ${i + 1} complete on page 1`);
  const items = pages[0]!;
  const sender = items.find((i) => i.str === 'Roger Erismann')!;
  const recipient = items.find((i) => i.str === 'Briarwood Parks District')!;
  t.equal(sender.y, recipient.y, 'sender and recipient blocks share the first baseline');
  t.ok(recipient.x > 300, 'recipient block on the right');
  t.ok(recipient.x + recipient.width <= 540.5, 'inside the right margin');
  t.equal(items.find((i) => i.str.startsWith('The assessment was'))!.size, 11, 'body at 11 pt when it fits');
  t.ok(text[1]!.includes('Images'), 'Images heading');
  t.ok(text[1]!.includes('1. the tree in the middle') && text[1]!.includes('2. trunk'), 'first two captions');
  t.ok(text[2]!.includes('3. ooze on trunk'), 'third caption on the next page');
  t.ok(text.every((p) => p.includes('See TRAQ Form job J0003')), 'footer on every page');
});

t.test('letter PDF: long letters shrink to one page, photos default captions, bad photos do not fail', async (t) => {
  const paragraphs: string[] = j3.final.narrative.text.split('\n\n');
  const long = buildLetter({ ...input, narrative: paragraphs.map((p) => `${p} ${p.slice(0, p.length / 2)}`).join('\n\n') });
  const { pages } = await pdfText(await renderLetterPdf(long));
  t.equal(pages.length, 1, 'still one page');
  const size = pages[0]!.find((i) => i.str.startsWith('The assessment was'))!.size;
  t.ok(size < 11 && size >= 8, `body shrunk to ${size} pt`);

  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const { text } = await pdfText(await renderLetterPdf(buildLetter(input), [{ caption: null, data: png }, { caption: '  ', data: Buffer.from('not an image') }, ...Array.from({ length: 5 }, () => ({ caption: 'extra', data: png }))]));
  t.ok(text[1]!.includes('1. Photo 1'), 'default caption');
  t.ok(text[1]!.includes('2. Photo 2 (image could not be embedded)'), 'an unreadable photo keeps its caption');
  t.notOk(text.join(' ').includes('6. extra'), 'at most five photos');
});

t.test('letter DOCX: one paragraph per letter line, Times New Roman 11 pt, 72 pt margins', async (t) => {
  const letter = buildLetter(input);
  const docx = await renderLetterDocx(letter);
  t.equal(docx.subarray(0, 2).toString('latin1'), 'PK', 'a zip');
  const xml = unzipEntry(docx, 'word/document.xml').toString('utf8');
  const body = xml.slice(xml.indexOf('<w:body>'));
  const paragraphs = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")).join(''),
  );
  t.same(paragraphs, letterLines(letter), 'the paragraphs are the letter lines, in order');
  t.match(xml, /<w:pgMar[^>]*w:top="1440"[^>]*w:right="1440"[^>]*w:bottom="1440"[^>]*w:left="1440"/, '72 pt margins');
  t.match(xml, /<w:pgSz[^>]*w:w="12240"[^>]*w:h="15840"/, 'US Letter');
  const styles = unzipEntry(docx, 'word/styles.xml').toString('utf8');
  t.match(styles, /w:ascii="Times New Roman"/, 'Times New Roman');
  t.match(styles, /<w:sz w:val="22"\/>/, '11 pt');
});

t.test('renderFinalOutputs: every output of a final from one call', async (t) => {
  const { renderFinalOutputs } = await import('../src/documents/index.js');
  const { loadTraqTemplate } = await import('../src/documents/traq-pdf.js');
  const { TRAQ_FIELD_MAP, TRAQ_TEMPLATE_PDF } = await import('./helpers/samples.js');
  const template = await loadTraqTemplate({ templatePdf: TRAQ_TEMPLATE_PDF, fieldMap: TRAQ_FIELD_MAP });
  const out = await renderFinalOutputs({ payload: j3.final, job, images: photos(), template, date: input.date });
  t.same(JSON.parse(out.finalJson.toString('utf8')), j3.final, 'final.json');
  t.equal(out.traqPdf.subarray(0, 5).toString('latin1'), '%PDF-', 'TRAQ PDF');
  t.equal((await pdfText(out.letterPdf)).pages.length, 3, 'letter PDF with its photos');
  t.equal(out.letterDocx.subarray(0, 2).toString('latin1'), 'PK', 'DOCX');
  t.same(JSON.parse(out.geojson.toString('utf8')), out.geojsonPayload, 'GeoJSON file and row agree');
  t.equal(out.geojsonPayload.features[0].properties.job_number, 'J0003');
});
