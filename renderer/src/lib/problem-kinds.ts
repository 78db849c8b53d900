// Each kind of problem in words, for the Problems screen's Kind filter: organisers are not programmers,
// but the code stays beside the words because `standalone check` prints it (`[link-broken]`). A Record
// over every code, so a new code cannot reach the screen without its name.
import type { ProblemCode } from '../../../main/engine/types';

const KINDS: Record<ProblemCode, string> = {
  'front-matter-invalid': 'Front matter that cannot be read',
  'front-matter-not-object': 'Front matter that is not a list of fields',
  'front-matter-code': 'Front matter written as code',
  'field-invalid': 'Fields of the wrong kind',
  'title-missing': 'Missing titles',
  'theme-without-page': 'Themes without a page',
  'logo-missing': 'Missing logos',
  'asset-missing': 'Missing images and files',
  'asset-outside-folder': 'References outside the folder',
  'picture-not-shown': 'Pictures too large or complex to show',
  'link-broken': 'Broken links',
  'remote-image': 'Images on the internet',
  'remote-media': 'Videos and audio on the internet',
  'remote-frame': 'Embedded pages from the internet',
  'script-removed': 'Scripts removed',
  'style-ignored': 'Own styles not used',
  'base-url-unusable': 'Site address (baseURL) not usable',
  'content-unreadable': 'Text that could not be read',
  'content-kept': 'Stands shown as they were before an error',
  'shortcode-invalid': 'Shortcodes written wrongly',
  'shortcode-unknown': 'Unknown shortcodes',
  'duplicate-stand': 'Stands defined twice',
  'stand-empty': 'Empty stand folders',
  'file-too-large': 'Files too large',
  'file-binary': 'Files that are not text',
  'file-not-utf8': 'Files not in UTF-8',
  'file-unreadable': 'Files that could not be read',
  'file-not-regular': 'Entries that are not files',
  'symlink-outside': 'Links to outside the folder',
  'too-deep': 'Folders nested too deep',
  'too-many-files': 'Too many files',
  'file-skipped': 'Files skipped',
  'folder-missing': 'Missing folder',
  'folder-unreadable': 'Folder that could not be read',
  'not-a-stands-folder': 'Not a stands folder',
};

/** "Broken links (link-broken)": a kind of problem in words, with the code `check` prints. */
export function problemKind(code: string): string {
  const words = (KINDS as Record<string, string | undefined>)[code];
  return words ? `${words} (${code})` : code;
}
