import { createContext, useContext } from 'react';

/** Opens quick capture from anywhere (sidebar, empty states, shortcuts). */
export const CaptureContext = createContext<() => void>(() => {});

export function useOpenCapture(): () => void {
  return useContext(CaptureContext);
}
