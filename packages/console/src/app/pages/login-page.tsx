import { logIn, type Session } from "../session.ts";
import { formValues, TextField } from "../ui/fields.tsx";
import { ActionOutcome } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";

export function LoginPage({ onLoggedIn }: { readonly onLoggedIn: (session: Session) => void }) {
  const action = useAction();
  const submit = (event: Event) => {
    const { name = "", password = "" } = formValues(event);
    void action.run(async () => {
      onLoggedIn(await logIn(name, password));
      return "Logged in.";
    });
  };
  return (
    <main class="login" id="main">
      <h1>clearhub console</h1>
      <form onSubmit={submit} aria-label="Log in">
        <TextField label="Operator name" name="name" autoComplete="username" required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" disabled={action.busy}>
          Log in
        </button>
      </form>
      <ActionOutcome action={action} />
    </main>
  );
}
