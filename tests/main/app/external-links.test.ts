import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../main/app/external-links';

describe('checkExternalUrl', () => {
  const allowed: [string, string][] = [
    ['https://example.org/', 'https://example.org/'],
    ['http://example.org/path?q=1#top', 'http://example.org/path?q=1#top'],
    ['HTTPS://EXAMPLE.ORG/Stand', 'https://example.org/Stand'],
    ['https://example.org:8443/x', 'https://example.org:8443/x'],
    ['https://xn--bcher-kva.example/', 'https://xn--bcher-kva.example/'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
    ['mailto:stand@example.org', 'mailto:stand@example.org'],
    [
      'mailto:stand@example.org?subject=Hello%20from%20FOSDEM',
      'mailto:stand@example.org?subject=Hello%20from%20FOSDEM',
    ],
    ['MAILTO:stand@example.org', 'mailto:stand@example.org'],
    [
      'mailto:a@example.org,b@example.org?cc=c@example.org&bcc=d@example.org&body=Hi%20there',
      'mailto:a@example.org,b@example.org?cc=c@example.org&bcc=d@example.org&body=Hi%20there',
    ],
    // A client splitting the query on `;` finds only the subject: the `;` is encoded text of it.
    [
      'mailto:stand@example.org?subject=Hi;attach=/etc/passwd',
      'mailto:stand@example.org?subject=Hi%3Battach%3D%2Fetc%2Fpasswd',
    ],
  ];
  it.each(allowed)('opens %s as %s', (url, normalized) => {
    expect(checkExternalUrl(url)).toEqual({ ok: true, url: normalized });
  });

  const refused: [string, unknown][] = [
    ['file URL', 'file:///etc/passwd'],
    ['Windows file URL', 'file://C:/Windows/System32/calc.exe'],
    ['SMB share', 'smb://server/share'],
    ['UNC-like path', '\\\\server\\share\\x.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['mixed-case javascript', 'JaVaScRiPt:alert(1)'],
    ['javascript with a tab', 'java\tscript:alert(1)'],
    ['javascript with a newline', 'javascript\n:alert(1)'],
    ['leading space', ' https://example.org/'],
    ['zero-width space', 'https://exa\u200bmple.org/'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['another custom scheme', 'standalone://stand/x'],
    ['asset scheme', 'stand-asset://demo/static/x.png'],
    ['ftp', 'ftp://example.org/file'],
    ['chrome', 'chrome://settings'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['about', 'about:blank'],
    ['blob', 'blob:https://example.org/uuid'],
    ['ws', 'wss://example.org/socket'],
    ['credentials', 'https://trusted.example@evil.example/'],
    ['user and password', 'https://user:secret@example.org/'],
    ['no scheme', '//evil.example/'],
    ['relative', '/stands/x'],
    ['malformed', 'https://'],
    ['malformed host', 'http://exa mple.org/'],
    ['bare word', 'example'],
    ['empty mailto', 'mailto:'],
    // Evolution, KMail and older Thunderbird attach the named local file to the new message.
    ['mailto attaching a file', 'mailto:stand@example.org?attach=/home/user/.ssh/id_rsa'],
    ['mailto attaching a file (other spelling)', 'mailto:stand@example.org?subject=Hi&Attachment=~/.gnupg'],
    ['mailto attaching a file (encoded key)', 'mailto:stand@example.org?%61ttach=/etc/passwd'],
    ['mailto with a hidden query in the address', 'mailto:stand@example.org%3Fattach=/etc/passwd'],
    ['empty', ''],
    ['not a string', 42],
    ['an object', { toString: () => 'https://example.org/' }],
    ['too long', `https://example.org/${'a'.repeat(3000)}`],
  ];
  it.each(refused)('refuses a %s link', (_name, url) => {
    const result = checkExternalUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
  });
});
