import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

// A deep, calm government blue; shade 7 carries white text at well over 4.5:1.
const civic: MantineColorsTuple = [
  '#eef3fb',
  '#dce6f5',
  '#b7cbea',
  '#8eaede',
  '#6c95d3',
  '#5585cd',
  '#3f70bd',
  '#2a5aa3',
  '#1f4c8f',
  '#153d78',
];

const fontStack = [
  '"Pretendard Variable"',
  'Pretendard',
  '-apple-system',
  'BlinkMacSystemFont',
  'system-ui',
  '"Segoe UI"',
  'Roboto',
  '"Apple SD Gothic Neo"',
  '"Noto Sans KR"',
  '"Malgun Gothic"',
  '"Noto Sans"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

// Mantine's light, subtle and outline variants draw text in shade 6, which is under WCAG AA (4.5:1) for most
// colours. Here text on those variants uses shade 9 (darkened further for the warm colours) on shade 0.
const warm = new Set(['yellow', 'orange', 'lime']);
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const shades = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!shades) return base;
  const text = warm.has(parsed.color) ? darken(shades[9], 0.25) : shades[9];
  switch (input.variant) {
    case 'light':
      return { ...base, color: text, hoverColor: text, background: shades[0], hover: shades[1] };
    case 'subtle':
      return { ...base, color: text, hoverColor: text };
    case 'outline':
      return { ...base, color: text, hoverColor: text, border: `1px solid ${text}` };
    default:
      return base;
  }
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'civic',
  primaryShade: { light: 7, dark: 5 },
  colors: { civic },
  fontFamily: fontStack,
  headings: { fontFamily: fontStack, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { shadow: 'none' } },
    // Upper-casing means nothing in Korean and mangles Vietnamese diacritics: badges keep their case.
    Badge: {
      defaultProps: { radius: 'sm' },
      styles: { root: { textTransform: 'none', fontWeight: 600, minWidth: 'max-content' } },
    },
  },
});

// Mantine's default "dimmed" grey is under 4.5:1 on white; secondary text here must still pass WCAG AA.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5a6270',
    '--mantine-color-body': '#ffffff',
  },
  dark: {},
});
