package dev.claudenexus.demo;

import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.ToolCall;

/**
 * A session whose user goes back to an earlier prompt and sends a different one, as after editing a
 * message in Claude Code. The edited request continues the request before the replaced prompt, so
 * the proxy opens a {@code branch_} there.
 */
final class EditedPromptScenario implements Scenario {

  private final String project;

  EditedPromptScenario(String projectSuffix) {
    this.project = "signup-form" + projectSuffix;
  }

  @Override
  public String title() {
    return "edited prompt that opens a branch (" + project + ")";
  }

  @Override
  public void play(ProxyTurns turns, DemoAccounts accounts) {
    DemoAccount account = accounts.team();
    String validator = "/home/dev/" + project + "/src/validation/email.ts";
    String form = "/home/dev/" + project + "/src/components/SignupForm.tsx";
    ClaudeCodeSession session = ClaudeCodeSession.start(account.clientKey(), project);
    session.prompt("The signup form of " + project + " accepts e-mail addresses that end with a dot,"
        + " such as ana@example.com. Reject them.");
    turns.turn(account, session, AssistantReply.toolUse("Reading the e-mail validator.",
        ToolCall.read(validator)));
    session.answerTools("3\texport const EMAIL = /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/;");
    turns.turn(account, session, AssistantReply.text("The pattern allows a trailing dot after the"
        + " domain. Should the check go into the shared validator or only into the signup form?"));
    ClaudeCodeSession rewound = session.copy();

    session.prompt("Into the shared validator.");
    turns.turn(account, session, AssistantReply.toolUse("Tightening the shared pattern.",
        ToolCall.edit(validator, "[^@\\s]+\\.[^@\\s]+$", "[^@\\s.]+(\\.[^@\\s.]+)+$")));
    session.answerTools("The file src/validation/email.ts has been updated.");
    turns.turn(account, session, AssistantReply.text("The shared validator now rejects a trailing"
        + " dot, so every form that uses it does too."));

    rewound.prompt("Only into the signup form, with a message under the field. Other forms import"
        + " addresses from old data and must keep accepting them.");
    turns.turn(account, rewound, AssistantReply.toolUse("Adding a check next to the other field checks.",
        ToolCall.edit(form, "if (!EMAIL.test(email)) {",
            "if (!EMAIL.test(email) || email.endsWith(\".\")) {")));
    rewound.answerTools("The file src/components/SignupForm.tsx has been updated.");
    turns.turn(account, rewound, AssistantReply.text("The signup form now rejects a trailing dot and"
        + " shows \"Remove the dot at the end of the address\" under the field; the shared validator"
        + " is unchanged."));
  }
}
