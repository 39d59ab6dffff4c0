import { loggerOptions } from './logger-options';

describe('loggerOptions', () => {
  const pinoHttp = loggerOptions('info').pinoHttp as {
    serializers: {
      req: (req: { id: string; method: string; url: string }) => unknown;
      res: (res: { statusCode: number; getHeaders(): object }) => unknown;
    };
  };

  it('logs a request by id, method and URL only, with calendar tokens redacted', () => {
    expect(
      pinoHttp.serializers.req({
        id: 'r-1',
        method: 'GET',
        url: '/calendar.ics?country=HN&token=secret-token-value&workingGroup=HEALTH',
      }),
    ).toEqual({
      id: 'r-1',
      method: 'GET',
      url: '/calendar.ics?country=HN&token=[redacted]&workingGroup=HEALTH',
    });
  });

  it('logs a response by its status only, without its headers', () => {
    expect(
      pinoHttp.serializers.res({ statusCode: 200, getHeaders: () => ({ 'x-request-id': 'r-1' }) }),
    ).toEqual({ statusCode: 200 });
  });
});
