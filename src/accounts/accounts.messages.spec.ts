import { Locale } from '../common/locale';
import { msg } from '../i18n/catalogs';
import { english, translate } from '../i18n/translate';

describe("the accounts module's messages", () => {
  it('count the minutes of a lockout in each language', () => {
    const login = (count: number) => msg('accounts.loginLocked', { count });
    expect(english(login(1))).toBe(
      'Too many failed logins for this account from your address: try again in 1 minute',
    );
    expect(english(login(15))).toBe(
      'Too many failed logins for this account from your address: try again in 15 minutes',
    );
    expect(translate(Locale.ES, login(1))).toBe(
      'Demasiados intentos fallidos de inicio de sesión en esta cuenta desde su dirección: vuelva a intentarlo dentro de 1 minuto',
    );
    const token = (count: number) => msg('accounts.tokenLocked', { count });
    expect(english(token(1))).toBe(
      'Too many requests without a valid token from your address: sign in again in 1 minute',
    );
    expect(translate(Locale.ES, token(2))).toBe(
      'Demasiadas solicitudes sin un token válido desde su dirección: inicie sesión de nuevo dentro de 2 minutos',
    );
  });

  it('read the password rule with its lengths', () => {
    const rule = msg('accounts.passwordLength', { property: 'newPassword' });
    expect(english(rule)).toBe('newPassword must be 12 to 200 characters long');
    expect(translate(Locale.ES, rule)).toBe('newPassword debe tener entre 12 y 200 caracteres');
  });
});
