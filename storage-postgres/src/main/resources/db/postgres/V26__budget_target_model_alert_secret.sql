-- A downgrade_model budget names the model to switch to; an alert rule may carry the secret its
-- webhook bodies are signed with (X-AgentLens-Signature).
alter table cost_budgets add column target_model text;
alter table alert_rules add column webhook_secret text;
