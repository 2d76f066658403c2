// A paragraph's lines joined back into its text. Chinese wraps anywhere and a line break is no space,
// but the words of a credit are parted by spaces (（通讯员 周杰 摄）, 本报讯（记者 王芳 通讯员 周杰）),
// and the space a line broke at is not in the text layer: pdfkit drops it, pdf-lib draws it at the
// head of the next line where pdf.js leaves it out. Measured on the PDF corpus before this: the
// credits of 02-pdflib-inner-page and 11-pdfkit-front-sidebar read 通讯员周杰 and 李明摄.
import { AUTHOR_LABEL } from './marks';

const NAME = String.raw`\p{Script=Han}{2,4}`;
const WORD = `(?:${AUTHOR_LABEL}|${NAME})`;
/** An open parenthesis whose words so far are credit words, one of them a label: （通讯员 / （记者 王芳 通讯员. */
const OPEN_CREDIT = new RegExp(String.raw`[（(]\s*((?:${WORD}\s+)*${WORD})$`, 'u');
const LABEL = new RegExp(String.raw`(?:^|\s)${AUTHOR_LABEL}(?=\s|$)`, 'u');
/** A whole credit word at the head of the next line: a name or label before a space or the closing parenthesis, or 摄. */
const CREDIT_GOES_ON = new RegExp(String.raw`^(?:${WORD}(?=[\s\u3000）)])|摄影?\s*[）)])`, 'u');

/** `before` and the next line `after`, with the space back when the break fell between two words of a credit. */
export function joinLines(before: string, after: string): string {
  const open = OPEN_CREDIT.exec(before);
  const credit = open !== null && LABEL.test(open[1]!) && CREDIT_GOES_ON.test(after);
  return credit ? `${before} ${after}` : before + after;
}
