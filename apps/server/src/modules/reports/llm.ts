import type { Picked } from './summarise.ts';

// The optional abstractive summary through an OpenAI-compatible endpoint (LLM_URL). The model sees only the
// sentences the extractive pass picked, each with its id, and must cite them as [n]; an answer that cites an id
// it was not given, cites nothing, or does not arrive within the timeout is discarded for the extractive text.

export type LlmConfig = { url: string; apiKey?: string; model: string; timeoutMs: number };

const instructions = {
  ko: '다음 문장들만 근거로 3~4문장의 한국어 요약을 쓰십시오. 각 문장 끝에 근거 문장의 번호를 [1]처럼 표시하십시오. 없는 번호는 쓰지 마십시오.',
  vi: 'Chỉ dựa trên các câu sau, viết bản tóm tắt 3–4 câu bằng tiếng Việt. Cuối mỗi câu ghi số câu nguồn như [1]. Không dùng số không có trong danh sách.',
  en: 'Using only the sentences below, write a 3–4 sentence summary in English. End each sentence with the number of its source sentence like [1]. Never cite a number that is not listed.',
} as const;

/** Every [n] in the text names a given sentence, and there is at least one. */
export function citationsValid(text: string, ids: number[]): boolean {
  const cited = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  return cited.length > 0 && cited.every((id) => ids.includes(id));
}

export async function abstractiveSummary(
  config: LlmConfig,
  lang: 'ko' | 'vi' | 'en',
  label: string,
  picked: Picked[],
): Promise<string | null> {
  if (picked.length === 0) return null;
  const list = picked.map((p) => `[${p.id}] (${p.agencyName}) ${p.text}`).join('\n');
  try {
    const res = await fetch(`${config.url.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: config.model,
        temperature: 0,
        messages: [
          { role: 'system', content: instructions[lang] },
          { role: 'user', content: `${label}\n\n${list}` },
        ],
      }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { choices?: { message?: { content?: string } }[] };
    const text = body.choices?.[0]?.message?.content?.trim();
    if (
      !text ||
      !citationsValid(
        text,
        picked.map((p) => p.id),
      )
    )
      return null;
    return text;
  } catch {
    return null;
  }
}
