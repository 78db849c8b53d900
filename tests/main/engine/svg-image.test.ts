// SVG files drawn as images: the ones built to freeze the page are told from real logos.
import { describe, expect, it } from 'vitest';
import { SvgImageCheck, svgImageHazard } from '../../../main/engine/svg-image';

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

/** `depth` groups, each holding `fan` copies of the one before: fan^depth shapes from a few hundred bytes. */
function useBomb(depth: number, fan: number, attribute = 'href'): string {
  let defs = '<g id="l0"><rect width="1" height="1"/></g>';
  for (let i = 1; i <= depth; i++)
    defs += `<g id="l${i}">${`<use ${attribute}="#l${i - 1}"/>`.repeat(fan)}</g>`;
  return `<svg ${NS} width="100" height="100"><defs>${defs}</defs><use ${attribute}="#l${depth}"/></svg>`;
}

describe('svgImageHazard', () => {
  it('refuses copies through <use> that multiply past the limit, with href or xlink:href', () => {
    expect(svgImageHazard(useBomb(5, 10))).toMatch(/more than 10,000 times/);
    expect(svgImageHazard(useBomb(7, 10, 'xlink:href'))).toMatch(/more than 10,000 times/);
    expect(svgImageHazard(useBomb(40, 2))).toMatch(/more than 10,000 times/);
    expect(svgImageHazard(useBomb(2, 10))).toBeNull();
  });

  it('keeps real logos: plain shapes, a sprite used a few hundred times, Illustrator namespace entities', () => {
    expect(svgImageHazard(`<svg ${NS}><circle r="4"/><path d="M0 0h10"/></svg>`)).toBeNull();
    const sprite = `<svg ${NS}><defs><symbol id="dot"><circle r="1"/></symbol></defs>${'<use href="#dot"/>'.repeat(400)}</svg>`;
    expect(svgImageHazard(sprite)).toBeNull();
    const illustrator =
      '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n' +
      '<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">\n<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>' +
      `<svg xmlns="&ns_svg;" xmlns:x="&ns_extend;"><rect width="2" height="2"/></svg>`;
    expect(svgImageHazard(illustrator)).toBeNull();
    const photo = `<svg ${NS}><image href="data:image/png;base64,iVBORw0KGgo=" width="9" height="9"/></svg>`;
    expect(svgImageHazard(photo)).toBeNull();
  });

  it('counts nothing for uses that refer to themselves, and refuses absurd nesting at once', () => {
    const cycle = `<svg ${NS}><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g><use href="#a"/><use href="#missing"/></svg>`;
    expect(svgImageHazard(cycle)).toBeNull();
    const nested = (depth: number) =>
      `<svg ${NS}>${'<g>'.repeat(depth)}<use href="#x"/>${'</g>'.repeat(depth)}<g id="x"/></svg>`;
    expect(svgImageHazard(nested(200))).toBeNull();
    const started = performance.now();
    expect(svgImageHazard(nested(200_000))).toMatch(/more than 256 deep/);
    const crowded = `<svg ${NS}>${'<rect/>'.repeat(1_000_000)}</svg>`;
    expect(svgImageHazard(crowded)).toMatch(/more than 100,000 elements/);
    expect(performance.now() - started).toBeLessThan(1500);
    // A use inside the very group it copies, reached first through another use.
    const loop = `<svg ${NS}><use href="#c"/><g id="e"><use id="c" href="#e"/><rect/></g></svg>`;
    expect(svgImageHazard(loop)).toBeNull();
  });

  it('refuses another SVG or document embedded as a data: URL, however it is spelt', () => {
    const inner = encodeURIComponent(useBomb(6, 10));
    for (const svg of [
      `<svg ${NS}><image href="data:image/svg+xml,${inner}"/></svg>`,
      `<svg ${NS}><image xlink:href="DATA:Image/SVG+xml;base64,PHN2Zz4="/></svg>`,
      `<svg ${NS}><image href="&#100;ata:image/svg+xml,${inner}"/></svg>`,
      `<svg ${NS}><image href="data:image/svg%2Bxml,${inner}"/></svg>`,
      `<svg ${NS}><use href="data:text/xml,${inner}#l6"/></svg>`,
      `<svg ${NS}><style>rect { mask-image: url("\\64 ata:image/svg+xml,${inner}") }</style><rect/></svg>`,
      `<svg ${NS}><style><![CDATA[ rect { fill: url(d\\61ta:image/svg+xml,x) } ]]></style></svg>`,
      `<svg ${NS}><rect style="filter:url(data:image/svg+xml,${inner})"/></svg>`,
    ]) {
      expect(svgImageHazard(svg), svg.slice(0, 120)).toMatch(/another image or document/);
    }
  });

  it('reads a file given in pieces, however it is cut', () => {
    const bomb = `<!DOCTYPE svg [<!ENTITY ns "http://www.w3.org/2000/svg">]>${useBomb(5, 10)}`;
    for (const size of [1, 7, 64]) {
      const check = new SvgImageCheck();
      for (let at = 0; at < bomb.length; at += size) check.write(bomb.slice(at, at + size));
      expect(check.end()).toMatch(/more than 10,000 times/);
    }
  });

  it('refuses entities that hold markup, which Chromium would expand into elements', () => {
    const svg =
      `<!DOCTYPE svg [<!ENTITY b "<use href='#a'/><use href='#a'/>"><!ENTITY c "&#60;use href='#b'/>">]>` +
      `<svg ${NS}><g id="a"><rect/></g>&b;&c;</svg>`;
    expect(svgImageHazard(svg)).toMatch(/DOCTYPE/);
    expect(svgImageHazard(`<!DOCTYPE svg [<!ENTITY b "${'x'.repeat(5000)}">]><svg ${NS}/>`)).toMatch(
      /DOCTYPE/,
    );
    expect(svgImageHazard(`<!DOCTYPE svg [<!ENTITY b "never closed <svg ${NS}/>`)).toMatch(/DOCTYPE/);
    const many = `<!DOCTYPE svg [${'<!ENTITY a "b">'.repeat(200_000)}]><svg ${NS}/>`;
    expect(svgImageHazard(many)).toBeNull();
  });
});

describe('svgImageHazard and filters', () => {
  const blurs = (count: number, sigma = 1.5) => `<feGaussianBlur stdDeviation="${sigma}"/>`.repeat(count);
  const FILTER_WORK = /filter effects .* too much work/;

  it('refuses chains of filter effects, filters drawn many times, and enormous filter regions', () => {
    // Each took Chromium 156 from 5 s to over a minute to draw at 200 × 200 pixels.
    for (const svg of [
      `<svg ${NS}><filter id="f">${blurs(300)}</filter><g filter="url(#f)"><rect width="9" height="9"/></g>` +
        `${'<rect filter="url(#f)"/>'.repeat(10)}</svg>`,
      `<svg ${NS}><filter id="f" x="-100" y="-100" width="200" height="200">${blurs(10, 50)}</filter><rect filter="url(#f)"/></svg>`,
      `<svg ${NS}><filter id="f">${blurs(30)}</filter>${'<rect filter="url(#f)"/>'.repeat(300)}</svg>`,
      `<svg ${NS} viewBox="0 0 100 100"><filter id="f" filterUnits="userSpaceOnUse" x="-1e5" y="-1e5" width="2e5" height="2e5">${blurs(3)}</filter><rect filter="url(#f)"/></svg>`,
      `<svg ${NS}><filter id="f" x="-100" y="-100" width="200" height="200">${'<feMorphology radius="300"/>'.repeat(20)}</filter><rect filter="url(#f)"/></svg>`,
      `<svg ${NS}><filter id="f"><feTurbulence numOctaves="255"/></filter>${'<rect filter="url(#f)"/>'.repeat(50)}</svg>`,
      `<svg ${NS}><filter id="f"><feConvolveMatrix order="60"/></filter>${'<rect filter="url(#f)"/>'.repeat(10)}</svg>`,
    ]) {
      expect(svgImageHazard(svg), svg.slice(0, 200)).toMatch(FILTER_WORK);
    }
  });

  it('sees filters however they are spelt: case, prefixes, style, CSS escapes, <use> copies, templates', () => {
    const chain = `<filter id="f">${blurs(100)}</filter>`;
    const svgNs = 'xmlns:s="http://www.w3.org/2000/svg"';
    for (const svg of [
      `<svg ${NS}><FILTER ID="f">${blurs(100).replace(/feGaussianBlur/g, 'FEGAUSSIANBLUR')}</FILTER>${'<rect FILTER="url(#f)"/>'.repeat(20)}</svg>`,
      `<s:svg ${svgNs}><s:filter id="f">${blurs(100).replace(/<fe/g, '<s:fe')}</s:filter>${'<s:rect filter="url(#f)"/>'.repeat(20)}</s:svg>`,
      `<svg ${NS}>${chain}${'<rect style="opacity:1; filter : url( \'#f\' )"/>'.repeat(20)}</svg>`,
      `<svg ${NS}>${chain}${'<rect style="f\\69lter:/**/url(\\23 f)"/>'.repeat(20)}</svg>`,
      `<svg ${NS}>${chain}${'<rect style="-webkit-filter:url(#f)"/>'.repeat(20)}</svg>`,
      `<svg ${NS}>${chain}<style>.a { filter: url(#f) }</style>${'<rect class="a"/>'.repeat(20)}</svg>`,
      `<svg ${NS}>${chain}<style><![CDATA[ rect{FILTER:url("logo.svg#f")} ]]></style>${'<rect/>'.repeat(20)}</svg>`,
      `<svg ${NS}>${chain}<g id="g"><rect filter="url(&#35;f)"/></g>${'<use href="#g"/>'.repeat(20)}</svg>`,
      `<svg ${NS}>${chain}<filter id="t" href="#f"/>${'<rect filter="url(#t)"/>'.repeat(20)}</svg>`,
      `<svg ${NS}>${chain}<filter id="i"><feImage href="#r"/></filter><rect id="r" filter="url(#f)"/>${'<rect filter="url(#i)"/>'.repeat(20)}</svg>`,
      `<svg ${NS}>${chain}<pattern id="p"><rect filter="url(#f)"/></pattern>${'<rect fill="url(#p)"/>'.repeat(20)}</svg>`,
      `<svg ${NS}>${`<rect filter="${'blur(1px) '.repeat(100)}"/>`.repeat(20)}</svg>`,
    ]) {
      expect(svgImageHazard(svg), svg.slice(0, 200)).toMatch(FILTER_WORK);
    }
  });

  it('refuses filter values written through DOCTYPE entities, which Chromium expands', () => {
    const svg =
      `<!DOCTYPE svg [<!ENTITY f "url(#f)">]><svg ${NS}><filter id="f">${blurs(100)}</filter>` +
      `${'<rect filter="&f;"/>'.repeat(20)}</svg>`;
    expect(svgImageHazard(svg)).toMatch(/DOCTYPE/);
  });

  it('keeps the filters real logos use: drop shadows, glows, luminosity masks', () => {
    const shadow =
      '<filter id="s" x="-1" y="-1" width="300%" height="300%"><feOffset dx="2" dy="2" in="SourceAlpha"/>' +
      '<feGaussianBlur stdDeviation="800"/><feFlood flood-opacity=".3"/><feComposite in2="SourceGraphic" operator="in"/>' +
      '<feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter>';
    const luminosity =
      '<filter id="l" filterUnits="userSpaceOnUse" x="0" y="0" width="200" height="100"><feColorMatrix values="-1 0 0 0 1 0 -1 0 0 1 0 0 -1 0 1 0 0 0 1 0"/></filter>';
    const logo =
      `<svg ${NS} viewBox="0 0 200 100">${shadow}${luminosity}<style>.m{filter:url(#l)}</style>` +
      `${'<path filter="url(#s)" d="M0 0h9v9z"/>'.repeat(12)}${'<g class="m"><rect/></g>'.repeat(100)}` +
      `<feMorphology/><filter id="o"><feMorphology radius="2"/><feTurbulence numOctaves="4"/><feConvolveMatrix order="3"/></filter>` +
      `${'<rect filter="url(#o)"/>'.repeat(10)}<text style="filter: drop-shadow(1px 1px 2px black)">FOSDEM</text></svg>`;
    expect(svgImageHazard(logo)).toBeNull();
    const illustrator =
      '<!DOCTYPE svg [<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">]>' +
      `<svg ${NS} xmlns:i="&ns_ai;"><switch><foreignObject requiredExtensions="&ns_ai;" width="1" height="1"/>` +
      `<g i:extraneous="self"><rect filter="url(#l)"/></g></switch>${luminosity}</svg>`;
    expect(svgImageHazard(illustrator)).toBeNull();
  });
});
