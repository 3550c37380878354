/** Public API of theme/ (re-exported by the package entry). */
export { contrastRatio, MIN_TEXT_CONTRAST } from './contrast.js';
export {
  FontStack,
  HexColor,
  LogoUrl,
  type ResolvedTheme,
  resolveTheme,
  Theme,
  ThemeColors,
  type ThemePalette,
  themeCss,
} from './theme.js';
