/**
 * `compute` with its answers kept by argument: for pure functions of a
 * string asked about the same few thousand texts again and again (segment
 * texts, Whats). Bounded, so a hostile tree of unique texts cannot grow it
 * without end: at `max` answers it starts afresh.
 */
export function remembered<T>(compute: (text: string) => T, max = 50_000): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = compute(text);
      if (answers.size >= max) answers.clear();
      answers.set(text, answer);
    }
    return answer;
  };
}
