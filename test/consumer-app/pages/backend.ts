import { apiRequest, wxp, onFailure, createRealtimeLogReporter, requiresReauthorization } from 'miniprogram-errno'

interface Profile { id: number; name: string }
let token = ''

async function signIn(): Promise<void> {
  const { code } = await wxp.login()
  const { data } = await apiRequest<{ token: string }>({ url: 'https://api.example.com/session', method: 'POST', data: { code } })
  token = data.token
}

export const stopReporting = onFailure(createRealtimeLogReporter())

export async function profile(): Promise<Profile> {
  const { data } = await apiRequest<Profile>({ url: 'https://api.example.com/me', header: () => ({ Authorization: 'Bearer ' + token }) }, { reauthorize: signIn })
  return data
}

export function mustSignIn(error: unknown): boolean {
  return requiresReauthorization(error)
}
