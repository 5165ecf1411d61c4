/** The message matrix of the HTML report: what each channel states for each fact, contradictions marked. */
import type { MatrixRow } from '../model/result.js';
import { h } from './html-findings.js';
import { formatLocation } from './text.js';

/** The spec's channels in its order, then any other channel the matrix names, by name. */
function matrixChannels(matrix: MatrixRow[], declared: readonly string[]): string[] {
  const extra = new Set<string>();
  for (const row of matrix) for (const name of Object.keys(row.channels)) if (!declared.includes(name)) extra.add(name);
  return [...declared, ...[...extra].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
}

export function matrixSection(matrix: MatrixRow[], declared: readonly string[]): string {
  const channels = matrixChannels(matrix, declared);
  // With nested specs the same fact has a row per spec (each brand's value): name the spec file.
  const nested = matrix.some((row) => row.spec !== undefined);
  const head = `<tr>${nested ? '<th>Spec file</th>' : ''}<th>Fact</th><th>Spec</th>${channels.map((c) => `<th>${h(c)}</th>`).join('')}</tr>`;
  const rows = matrix.map((row) => {
    const cells = channels.map((channel) => {
      const values = row.channels[channel] ?? [];
      if (values.length === 0) return '<td class="empty muted">—</td>';
      const conflict = values.some((value) => value.conflicting);
      const items = values
        .map((value) => {
          const where = value.locations.map((l) => formatLocation(l.path, l)).join(', ');
          const flag = (value.conflicting ? ' <span class="flag">conflict</span>' : '') + (value.inferred ? ` <span class="muted">(${value.inferred} inferred)</span>` : '');
          return `<li class="${value.conflicting ? 'conflicting' : 'agrees'}"><strong>${h(value.text)}</strong> ×${value.count}${flag}<br><small class="mono">${h(where)}</small></li>`;
        })
        .join('');
      return `<td${conflict ? ' class="conflict"' : ''}><ul>${items}</ul></td>`;
    });
    const spec = row.specValue !== undefined ? h(row.specValue) : row.tie ? `<span class="flag">tie</span> <span class="muted">no value: ${h(row.tie.join(' vs '))}</span>` : '<span class="muted">must agree</span>';
    const file = nested ? `<td><code>${h(row.spec ?? '')}</code></td>` : '';
    return `<tr${row.conflict ? ' class="row-conflict"' : ''}>${file}<th scope="row"><code>${h(row.fact)}</code></th><td>${spec}</td>${cells.join('')}</tr>\n`;
  });
  return (
    '<section id="matrix">\n<h2>Message matrix</h2>\n' +
    '<p class="muted">What each channel states for each fact. Cells that contradict the spec, or each other, are marked <span class="flag">conflict</span>.</p>\n' +
    `<table class="matrix">\n<thead>${head}</thead>\n<tbody>\n${rows.join('')}</tbody>\n</table>\n</section>\n`
  );
}
