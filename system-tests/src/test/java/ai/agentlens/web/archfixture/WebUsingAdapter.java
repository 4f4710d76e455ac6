package ai.agentlens.web.archfixture;

/** Violates WEB_SEES_ONLY_CORE: web wiring an adapter itself. */
public class WebUsingAdapter {
  ai.agentlens.redis.RedisConnectionCheck check;
}
