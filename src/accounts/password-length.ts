/** How long a password may be, in characters (the rule of createUser and changePassword). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
