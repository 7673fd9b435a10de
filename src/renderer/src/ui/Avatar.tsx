import { hueFor, initials } from '../format/text.ts';

export function Avatar({ name, size = 32 }: { name: string; size?: number }) {
  // The hue comes from the name; saturation and lightness come from the theme's CSS variables.
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        fontSize: Math.round(size * 0.38),
        ['--hue' as string]: hueFor(name),
      }}
    >
      {initials(name)}
    </span>
  );
}
