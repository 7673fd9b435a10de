/**
 * The loopback port both shells prefer: `npm run serve` listens here, and the desktop app serves
 * its calendar feed here. With the same feed token (it lives in the shared settings), a calendar
 * subscription keeps working whichever shell is running.
 */
export const LOOPBACK_PORT = 47_800;
