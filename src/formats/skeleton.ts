/**
 * A format's structure without its text, for `--fix` to compare before and after a fix: the
 * shape of a JSON document with every string emptied, or the nodes of a syntax tree (their types,
 * tags and attribute names) with every text node left out. A fix must leave it as it was.
 */

/** JSON's tokens outside strings, in order, white space dropped: linear and without recursion. */
export function jsonSkeleton(text: string): string {
  const out: string[] = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push(plain, '""');
      plain = '';
      i = j;
    } else if (!/\s/.test(c)) plain += c;
  }
  out.push(plain);
  return out.join('');
}

interface TreeNode {
  type: string;
  children?: TreeNode[];
}

/** The nodes of a tree in document order, each as `describe` names it (undefined: left out), walked without recursion. */
export function treeSkeleton<N extends TreeNode>(root: N, describe: (node: N) => string | undefined): string {
  const out: string[] = [];
  const stack: Array<{ node: N; depth: number }> = [{ node: root, depth: 0 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const name = describe(entry.node);
    if (name !== undefined) out.push(`${entry.depth}:${name}`);
    const children = (entry.node.children ?? []) as N[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: entry.depth + 1 });
  }
  return out.join('\n');
}
