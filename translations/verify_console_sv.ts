<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <source>Every change made from this console, with verifyctl or with an admin key, newest first.</source>
        <translation>Alla ändringar som har gjorts från den här konsolen, med verifyctl eller med en administrationsnyckel, nyaste först.</translation>
    </message>
    <message>
        <source>Search by actor, action code, target or detail (e.g. operator:ola, key.revoke, a session id)</source>
        <translation>Sök på utförare, åtgärdskod, objekt eller detalj (t.ex. operator:anna, key.revoke, ett sessions-id)</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>Sök i granskningsloggen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>Select an entry to see all of its details.</source>
        <translation>Välj en post för att se alla detaljer.</translation>
    </message>
    <message>
        <source>Details of the selected entry</source>
        <translation>Detaljer för den valda posten</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>Create API key</source>
        <translation>Skapa API-nyckel</translation>
    </message>
    <message>
        <source>A program presents its key in the X-API-Key header. Give each program its own key, so one can be revoked without touching the others.</source>
        <translation>Ett program anger sin nyckel i HTTP-huvudet X-API-Key. Ge varje program en egen nyckel, så att en nyckel kan återkallas utan att de andra påverkas.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>e.g. Web shop checkout</source>
        <translation>t.ex. Webbutikens kassa</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Behörighet:</translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation>&amp;Tjänst:</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>&amp;Giltighet:</translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation>Går ut efter</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Senaste 7 dagarna</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Senaste 30 dagarna</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Anpassad</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>No sessions in this range</source>
        <translation>Inga sessioner under perioden</translation>
    </message>
    <message>
        <source>Possible SMS pumping</source>
        <translation>Möjlig SMS-pumpning</translation>
    </message>
    <message>
        <source>Someone may be starting verifications to numbers that pay them per message (toll fraud). Look at these sessions, and on the Services page limit the allowed countries or lower the start limits.</source>
        <translation>Någon kan starta verifieringar till nummer som får betalt per meddelande (avgiftsbedrägeri). Titta på dessa sessioner och begränsa tillåtna länder eller sänk startgränserna på sidan Tjänster.</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <source>Delivery</source>
        <translation>Leverans</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Session:</translation>
    </message>
    <message>
        <source>Delivery queue</source>
        <translation>Leveranskö</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Visa:</translation>
    </message>
    <message>
        <source>Waiting and failed</source>
        <translation>Väntande och misslyckade</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckade</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickade</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbrutna</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>SMS</source>
        <translation>Sms</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Röst</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Väntande</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifierad</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckad</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Utgången</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>I kö</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Skickas</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>API keys</source>
        <translation>API-nycklar</translation>
    </message>
    <message>
        <source>Programs authenticate to the HTTP API with a key. A verify key starts and checks verifications; an admin key can do everything, including managing keys.</source>
        <translation>Program autentiserar sig mot HTTP-API:et med en nyckel. En verifieringsnyckel startar och kontrollerar verifieringar; en administrationsnyckel kan göra allt, även hantera nycklar.</translation>
    </message>
    <message>
        <source>&amp;Create key…</source>
        <translation>&amp;Skapa nyckel…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>Åte&amp;rkalla…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Verify Console</source>
        <translation>Verify Console</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sidor</translation>
    </message>
</context>
<context>
    <name>NewServiceDialog</name>
    <message>
        <source>New service</source>
        <translation>Ny tjänst</translation>
    </message>
    <message>
        <source>A service is one application that sends codes, with its own settings, messages and API keys.</source>
        <translation>En tjänst är en applikation som skickar koder, med egna inställningar, meddelanden och API-nycklar.</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>e.g. shop</source>
        <translation>t.ex. butik</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
</context>
<context>
    <name>SecretKeyDialog</name>
    <message>
        <source>API key created</source>
        <translation>API-nyckeln har skapats</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy the key now: it will not be shown again.&lt;/b&gt; Verify Console keeps only a hash of it. If the key is lost, revoke it and create a new one.</source>
        <translation>&lt;b&gt;Kopiera nyckeln nu: den visas inte igen.&lt;/b&gt; Verify Console sparar bara ett hashvärde av den. Om nyckeln försvinner återkallar du den och skapar en ny.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Nyckel:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <source>General</source>
        <translation>Allmänt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Name in messages:</source>
        <translation>Namn i meddelanden:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Accepts new verifications</source>
        <translation>Tar emot nya verifieringar</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Koder</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Längd:</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> tecken</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Tecken:</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>Siffror</translation>
    </message>
    <message>
        <source>Letters and digits (no look-alikes)</source>
        <translation>Bokstäver och siffror (inga förväxlingsbara)</translation>
    </message>
    <message>
        <source>Custom codes:</source>
        <translation>Egna koder:</translation>
    </message>
    <message>
        <source>Applications may supply their own code</source>
        <translation>Applikationer får ange en egen kod</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Gränser</translation>
    </message>
    <message>
        <source>Code valid for:</source>
        <translation>Koden gäller i:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Wrong codes allowed:</source>
        <translation>Tillåtna felaktiga koder:</translation>
    </message>
    <message>
        <source>Resends allowed:</source>
        <translation>Tillåtna omsändningar:</translation>
    </message>
    <message>
        <source>Wait between sends:</source>
        <translation>Väntetid mellan utskick:</translation>
    </message>
    <message>
        <source>Starts per recipient per hour:</source>
        <translation>Verifieringar per mottagare och timme:</translation>
    </message>
    <message>
        <source>Channels and language</source>
        <translation>Kanaler och språk</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanaler:</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>Sms</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Röstsamtal</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Message language:</source>
        <translation>Meddelandespråk:</translation>
    </message>
    <message>
        <source>Country of national numbers:</source>
        <translation>Land för nationella nummer:</translation>
    </message>
    <message>
        <source>e.g. NO; empty: numbers need +country code</source>
        <translation>t.ex. SE; tomt: numren kräver +landsnummer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Ångra ändringar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Starts per IP address per hour:</source>
        <translation>Starter per IP-adress per timme:</translation>
    </message>
    <message>
        <source>Starts per API key per hour:</source>
        <translation>Starter per API-nyckel per timme:</translation>
    </message>
    <message>
        <source>Starts per service per hour:</source>
        <translation>Starter för tjänsten per timme:</translation>
    </message>
    <message>
        <source>Open session:</source>
        <translation>Öppen session:</translation>
    </message>
    <message>
        <source>Return it again instead of sending a new code</source>
        <translation>Returnera den igen i stället för att skicka en ny kod</translation>
    </message>
    <message>
        <source>Allowed countries:</source>
        <translation>Tillåtna länder:</translation>
    </message>
    <message>
        <source>e.g. NO, SE; empty: all countries</source>
        <translation>t.ex. NO, SE; tomt: alla länder</translation>
    </message>
    <message>
        <source>SMS:</source>
        <translation>SMS:</translation>
    </message>
    <message>
        <source>Only to mobile numbers</source>
        <translation>Endast till mobilnummer</translation>
    </message>
    <message>
        <source>Test recipients:</source>
        <translation>Testmottagare:</translation>
    </message>
    <message>
        <source>Status webhook URL:</source>
        <translation>Adress för statusnotiser (webhook):</translation>
    </message>
    <message>
        <source>e.g. https://app.example.com/hooks/verify; empty: no webhooks</source>
        <translation>t.ex. https://app.example.com/hooks/verify; tom: inga notiser</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Services</source>
        <translation>Tjänster</translation>
    </message>
    <message>
        <source>New service…</source>
        <translation>Ny tjänst…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meddelanden</translation>
    </message>
</context>
<context>
    <name>SessionDetailPane</name>
    <message>
        <source>Select a session to see its details and events.</source>
        <translation>Välj en session för att se detaljer och händelser.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Mottagare:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Tjänst:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Försök:</translation>
    </message>
    <message>
        <source>Resends:</source>
        <translation>Omsändningar:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Skapad:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Går ut:</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Levererad:</translation>
    </message>
    <message>
        <source>Verified:</source>
        <translation>Verifierad:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>Avslutad:</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referens:</translation>
    </message>
    <message>
        <source>Client IP:</source>
        <translation>Klient-IP:</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Händelser</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Händelseförlopp</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Search: phone number (+47 912 34 567), e-mail address or session id</source>
        <translation>Sök: telefonnummer (+46 70 123 45 67), e-postadress eller sessions-id</translation>
    </message>
    <message>
        <source>Search sessions</source>
        <translation>Sök sessioner</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>&amp;Tjänst:</translation>
    </message>
    <message>
        <source>Crea&amp;ted:</source>
        <translation>Ska&amp;pad:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Rensa filter</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <source>Save the sessions that match the filters as a CSV file</source>
        <translation>Spara sessionerna som matchar filtren som en CSV-fil</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP-API</translation>
    </message>
    <message>
        <source>Run the HTTP API in the console</source>
        <translation>Kör HTTP-API:et i konsolen</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adress:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Verkställ</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Database in use:</source>
        <translation>Databas som används:</translation>
    </message>
    <message>
        <source>Folder at next start:</source>
        <translation>Mapp vid nästa start:</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Välj mapp…</translation>
    </message>
    <message>
        <source>Use the default folder</source>
        <translation>Använd standardmappen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Lagringstid</translation>
    </message>
    <message>
        <source>Keep finished sessions for</source>
        <translation>Spara avslutade sessioner i</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Language of the console:</source>
        <translation>Konsolens språk:</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Meddelande:</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>Sms</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Röstsamtal</translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation>E-postämne</translation>
    </message>
    <message>
        <source>E-mail text</source>
        <translation>E-posttext</translation>
    </message>
    <message>
        <source>E-mail HTML</source>
        <translation>E-post-HTML</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Mall</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsgranskning</translation>
    </message>
    <message>
        <source>Reset to shipped text</source>
        <translation>Återställ standardtext</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Ångra ändringar</translation>
    </message>
    <message>
        <source>Save message</source>
        <translation>Spara meddelande</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Opening the database…</source>
        <translation>Öppnar databasen…</translation>
    </message>
    <message>
        <source>Verify Console</source>
        <translation>Verify Console</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1</source>
        <translation>Databasen kan inte öppnas:
%1</translation>
    </message>
    <message>
        <source>HTTP API not started</source>
        <translation>HTTP-API:et startades inte</translation>
    </message>
    <message>
        <source>The HTTP API could not start: %1
Change the address in Settings.</source>
        <translation>HTTP-API:et kunde inte starta: %1
Ändra adressen i Inställningar.</translation>
    </message>
</context>
<context>
    <name>vc::ui::AuditModel</name>
    <message>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>prefix</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>behörighet</translation>
    </message>
    <message>
        <source>service</source>
        <translation>tjänst</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>går ut</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>mottagare</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>kanal</translation>
    </message>
    <message>
        <source>previous channel</source>
        <translation>föregående kanal</translation>
    </message>
    <message>
        <source>resend no.</source>
        <translation>omsändning nr</translation>
    </message>
    <message>
        <source>resends left</source>
        <translation>omsändningar kvar</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>leverans</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>leverantör</translation>
    </message>
    <message>
        <source>language</source>
        <translation>språk</translation>
    </message>
    <message>
        <source>part</source>
        <translation>del</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-nyckel skapad</translation>
    </message>
    <message>
        <source>API key revoked</source>
        <translation>API-nyckel återkallad</translation>
    </message>
    <message>
        <source>Service created</source>
        <translation>Tjänst skapad</translation>
    </message>
    <message>
        <source>Service changed</source>
        <translation>Tjänst ändrad</translation>
    </message>
    <message>
        <source>Message text changed</source>
        <translation>Meddelandetext ändrad</translation>
    </message>
    <message>
        <source>Session cancelled</source>
        <translation>Session avbruten</translation>
    </message>
    <message>
        <source>Code resent</source>
        <translation>Kod skickad igen</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Inställning ändrad</translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation>API-nyckel %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Tjänst %1</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <source>Setting %1</source>
        <translation>Inställning %1</translation>
    </message>
    <message>
        <source>back to the built-in text</source>
        <translation>tillbaka till standardtexten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Utförd av</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>vc::ui::AuditPage</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Objekt: %1</translation>
    </message>
    <message>
        <source>Target: %1 (id %2)</source>
        <translation>Objekt: %1 (id %2)</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Granskningsloggen kunde inte läsas: %1</translation>
    </message>
    <message>
        <source>Nothing has been recorded yet.</source>
        <translation>Inget har registrerats ännu.</translation>
    </message>
    <message>
        <source>No entries match “%1”.</source>
        <translation>Inga poster matchar ”%1”.</translation>
    </message>
    <message>
        <source>Entries shown: %1. Scroll down for older ones.</source>
        <translation>Visade poster: %1. Rulla nedåt för att se äldre.</translation>
    </message>
    <message>
        <source>Entries: %1.</source>
        <translation>Poster: %1.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Granskningslogg</translation>
    </message>
</context>
<context>
    <name>vc::ui::CreateKeyDialog</name>
    <message>
        <source>Everything: sessions, services, keys, statistics and the audit log.</source>
        <translation>Allt: sessioner, tjänster, nycklar, statistik och granskningsloggen.</translation>
    </message>
    <message>
        <source>Start, check, resend and cancel verifications, and read their status.</source>
        <translation>Kan starta, kontrollera, skicka om och avbryta verifieringar samt läsa deras status.</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alla tjänster</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Skapa nyckel</translation>
    </message>
    <message>
        <source>Use at most 100 characters and no control characters.</source>
        <translation>Använd högst 100 tecken och inga styrtecken.</translation>
    </message>
    <message>
        <source>This service no longer exists. Choose another one.</source>
        <translation>Tjänsten finns inte längre. Välj en annan.</translation>
    </message>
    <message>
        <source>Choose from 1 to 3650 days.</source>
        <translation>Välj mellan 1 och 3650 dagar.</translation>
    </message>
    <message>
        <source>Give the key a name, such as the program that will use it.</source>
        <translation>Ge nyckeln ett namn, till exempel namnet på programmet som ska använda den.</translation>
    </message>
    <message>
        <source>Key not created</source>
        <translation>Nyckeln skapades inte</translation>
    </message>
    <message>
        <source>The key could not be created: %1</source>
        <translation>Nyckeln kunde inte skapas: %1</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> dag</numerusform>
            <numerusform> dagar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::DashboardPage</name>
    <message>
        <source>The statistics could not be read: %1</source>
        <translation>Statistiken kunde inte läsas: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Uppdaterad kl. %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Senaste 7 dagarna</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Senaste 30 dagarna</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: none finished yet</source>
        <translation>%1: inga avslutade ännu</translation>
    </message>
    <message>
        <source>No sessions in this range</source>
        <translation>Inga sessioner under perioden</translation>
    </message>
    <message>
        <source>Sessions today</source>
        <translation>Sessioner i dag</translation>
    </message>
    <message>
        <source>Sessions this month</source>
        <translation>Sessioner denna månad</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Andel lyckade</translation>
    </message>
    <message>
        <source>Delivery failures</source>
        <translation>Leveransfel</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>%1: %2 of %3 finished sessions verified</source>
        <translation>%1: %2 av %3 avslutade sessioner verifierade</translation>
    </message>
    <message>
        <source>The SMS-pumping signals could not be read</source>
        <translation>Tecknen på SMS-pumpning kunde inte läsas</translation>
    </message>
    <message>
        <source>%1 in %2, service %3</source>
        <translation>%1 i %2, tjänst %3</translation>
    </message>
    <message numerus="yes">
        <source>%n start(s) since %1, usually %2 an hour</source>
        <translation>
            <numerusform>%n start sedan %1, vanligtvis %2 i timmen</numerusform>
            <numerusform>%n starter sedan %1, vanligtvis %2 i timmen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 verified in the last 24 hours (%3); the service usually %4</source>
        <translation>%1 av %2 verifierade de senaste 24 timmarna (%3); tjänsten brukar ha %4</translation>
    </message>
    <message>
        <source>%1 of %2 verified in the last 24 hours (%3)</source>
        <translation>%1 av %2 verifierade de senaste 24 timmarna (%3)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>och %n till</numerusform>
            <numerusform>och %n till</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible SMS pumping</source>
        <translation>Möjlig SMS-pumpning</translation>
    </message>
</context>
<context>
    <name>vc::ui::DeliveryPage</name>
    <message>
        <source>All sessions; paste a session id to see one</source>
        <translation>Alla sessioner; klistra in ett sessions-id för att se en</translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Kopiera sessions-id</translation>
    </message>
    <message>
        <source>This is not a session id.</source>
        <translation>Det här är inte ett sessions-id.</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>Kön kunde inte läsas: %1</translation>
    </message>
    <message>
        <source>The newest %1 messages</source>
        <translation>De %1 senaste meddelandena</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>Meddelanden: %1</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>Poster: %1</translation>
    </message>
    <message>
        <source>Items: %1 · failed: %2</source>
        <translation>Poster: %1 · misslyckade: %2</translation>
    </message>
    <message>
        <source>Delivery queue (%1 failed)</source>
        <translation>Leveranskö (%1 misslyckade)</translation>
    </message>
    <message>
        <source>Delivery queue</source>
        <translation>Leveranskö</translation>
    </message>
    <message>
        <source>Select a message to read it in full.</source>
        <translation>Välj ett meddelande för att läsa hela texten.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Ämne: %1</translation>
    </message>
    <message>
        <source>Sends the session a new code by the same channel, under the resend rules.</source>
        <translation>Skickar en ny kod till sessionen via samma kanal, enligt reglerna för omsändning.</translation>
    </message>
    <message>
        <source>A code was sent to this session moments ago. Try again in %1 s.</source>
        <translation>En kod skickades till sessionen alldeles nyss. Försök igen om %1 s.</translation>
    </message>
    <message>
        <source>The session has used all its resends. The user has to start a new verification.</source>
        <translation>Sessionen har använt alla sina omsändningar. Användaren måste starta en ny verifiering.</translation>
    </message>
    <message>
        <source>Only a failed delivery can be retried, and this one is no longer failed.</source>
        <translation>Nya försök kan bara göras för misslyckade leveranser, och den här är inte längre misslyckad.</translation>
    </message>
    <message>
        <source>The session is already final (%1): it gets no new code.</source>
        <translation>Sessionen är redan avslutad (%1): den får ingen ny kod.</translation>
    </message>
    <message>
        <source>This delivery no longer exists; its session may have been purged.</source>
        <translation>Leveransen finns inte längre; sessionen kan ha rensats bort.</translation>
    </message>
    <message>
        <source>Retry delivery</source>
        <translation>Försök leverera igen</translation>
    </message>
    <message>
        <source>Send a new code to %1 by %2? The session&apos;s current code stops working.</source>
        <translation>Vill du skicka en ny kod till %1 via kanalen %2? Sessionens nuvarande kod slutar gälla.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Delivery not retried</source>
        <translation>Inget nytt leveransförsök gjordes</translation>
    </message>
    <message>
        <source>A new code for session %1 is queued (%2).</source>
        <translation>En ny kod för session %1 har lagts i kö (%2).</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Leverans</translation>
    </message>
    <message>
        <source>%1 through %2</source>
        <translation>%1 via %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;The local outbox is the active provider.&lt;/b&gt; Messages are kept here instead of being sent, so verifications work without an SMS, voice or e-mail gateway. Connect a gateway under Providers.</source>
        <translation>&lt;b&gt;Den lokala utkorgen är aktiv leverantör.&lt;/b&gt; Meddelandena sparas här i stället för att skickas, så verifieringar fungerar utan sms-, röst- eller e-postgateway. Anslut en gateway under Leverantörer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Messages are sent by gateways:&lt;/b&gt; %1. Other channels stay in the local outbox. Services can have their own routes under Providers.</source>
        <translation>&lt;b&gt;Meddelanden skickas via gatewayer:&lt;/b&gt; %1. Andra kanaler stannar i den lokala utkorgen. Tjänster kan ha egna rutter under Leverantörer.</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Leverantörer</translation>
    </message>
</context>
<context>
    <name>vc::ui::DeliveryQueueModel</name>
    <message>
        <source>Retrying</source>
        <translation>Försöker igen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nästa försök</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Senaste fel</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
</context>
<context>
    <name>vc::ui::KeysModel</name>
    <message>
        <source>Admin</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verifiering</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Utgången</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Återkallad</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alla tjänster</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldrig</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>Skapad av %1</translation>
    </message>
    <message>
        <source>Revoked by %1 on %2</source>
        <translation>Återkallad av %1 den %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Behörighet</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Senast använd</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Går ut</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>vc::ui::KeysPage</name>
    <message>
        <source>The API keys could not be read: %1</source>
        <translation>API-nycklarna kunde inte läsas: %1</translation>
    </message>
    <message>
        <source>No API keys yet. Create one for each program that calls the API.</source>
        <translation>Inga API-nycklar ännu. Skapa en för varje program som anropar API:et.</translation>
    </message>
    <message>
        <source>Keys: %1, of which active: %2.</source>
        <translation>Nycklar: %1, varav aktiva: %2.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Återkalla API-nyckel</translation>
    </message>
    <message>
        <source>Revoke the key “%1” (prefix %2)?

Programs that use it are refused from their next request on, also by verifyd on the same database. This cannot be undone.</source>
        <translation>Vill du återkalla nyckeln ”%1” (prefix %2)?

Program som använder den nekas från och med nästa anrop, även av verifyd på samma databas. Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Återkalla nyckel</translation>
    </message>
    <message>
        <source>Key not revoked</source>
        <translation>Nyckeln återkallades inte</translation>
    </message>
    <message>
        <source>The key could not be revoked: %1</source>
        <translation>Nyckeln kunde inte återkallas: %1</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-nycklar</translation>
    </message>
</context>
<context>
    <name>vc::ui::MainWindow</name>
    <message>
        <source>API on %1 · %2 requests/s</source>
        <translation>API igång på %1 · %2 anrop/s</translation>
    </message>
    <message>
        <source>API off</source>
        <translation>API avstängt</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::NewServiceDialog</name>
    <message>
        <source>Lower-case letters, digits, “-” and “_”, starting with a letter or digit. Applications name the service by it; it cannot be changed.</source>
        <translation>Små bokstäver a–z, siffror, ”-” och ”_”, med en bokstav eller siffra först. Applikationer anger tjänsten med detta id; det kan inte ändras.</translation>
    </message>
    <message>
        <source>This is not a valid id: use 1–40 lower-case letters, digits, “-” or “_”, starting with a letter or digit.</source>
        <translation>Det här är inte ett giltigt id: använd 1–40 tecken (små bokstäver a–z, siffror, ”-” eller ”_”), med en bokstav eller siffra först.</translation>
    </message>
    <message>
        <source>A service with this id exists.</source>
        <translation>Det finns redan en tjänst med detta id.</translation>
    </message>
</context>
<context>
    <name>vc::ui::OutboxModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
</context>
<context>
    <name>vc::ui::OutcomesChart</name>
    <message>
        <source>Outcomes by status</source>
        <translation>Utfall per status</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>vc::ui::ProvidersPanel</name>
    <message>
        <source>SMTP server (e-mail)</source>
        <translation>SMTP-server (e-post)</translation>
    </message>
    <message>
        <source>Kannel gateway (SMS)</source>
        <translation>Kannel-gateway (sms)</translation>
    </message>
    <message>
        <source>HTTP gateway (SMS, voice)</source>
        <translation>HTTP-gateway (sms, röst)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Kryptering:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Användarnamn:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Lösenord:</translation>
    </message>
    <message>
        <source>From address:</source>
        <translation>Avsändaradress:</translation>
    </message>
    <message>
        <source>From name:</source>
        <translation>Avsändarnamn:</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Avsändare:</translation>
    </message>
    <message>
        <source>Timeout (ms):</source>
        <translation>Tidsgräns (ms):</translation>
    </message>
    <message>
        <source>Verify the certificate:</source>
        <translation>Verifiera certifikatet:</translation>
    </message>
    <message>
        <source>Trusted certificates (PEM file):</source>
        <translation>Betrodda certifikat (PEM-fil):</translation>
    </message>
    <message>
        <source>sendsms URL:</source>
        <translation>sendsms-URL:</translation>
    </message>
    <message>
        <source>Receipts to (this API&apos;s URL):</source>
        <translation>Kvitton till (detta API:s URL):</translation>
    </message>
    <message>
        <source>Receipt token:</source>
        <translation>Kvittotoken:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Metod:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Autentisering:</translation>
    </message>
    <message>
        <source>Token or password:</source>
        <translation>Token eller lösenord:</translation>
    </message>
    <message>
        <source>Headers (one &quot;Name: value&quot; a line):</source>
        <translation>HTTP-huvuden (ett ”Namn: värde” per rad):</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Innehåll:</translation>
    </message>
    <message>
        <source>Body template:</source>
        <translation>Innehållsmall:</translation>
    </message>
    <message>
        <source>Success field (JSON path):</source>
        <translation>Framgångsfält (JSON-sökväg):</translation>
    </message>
    <message>
        <source>Success value:</source>
        <translation>Framgångsvärde:</translation>
    </message>
    <message>
        <source>Message id field (JSON path):</source>
        <translation>Fält för meddelande-id (JSON-sökväg):</translation>
    </message>
    <message>
        <source>Voice audio:</source>
        <translation>Röstljud:</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Ny leverantör</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Ta bort…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>e.g. office-smtp</source>
        <translation>t.ex. office-smtp</translation>
    </message>
    <message>
        <source>Save provider</source>
        <translation>Spara leverantör</translation>
    </message>
    <message>
        <source>Test recipient: phone number or e-mail address</source>
        <translation>Testmottagare: telefonnummer eller e-postadress</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Skicka test</translation>
    </message>
    <message>
        <source>Which provider sends each channel</source>
        <translation>Vilken leverantör som skickar varje kanal</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Gäller:</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>Leverantör %1</translation>
    </message>
    <message>
        <source>The providers could not be read: %1</source>
        <translation>Leverantörerna kunde inte läsas: %1</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alla tjänster</translation>
    </message>
    <message>
        <source>Local outbox (built in)</source>
        <translation>Lokal utkorg (inbyggd)</translation>
    </message>
    <message>
        <source>As for all services</source>
        <translation>Som för alla tjänster</translation>
    </message>
    <message>
        <source>The route could not be changed: %1</source>
        <translation>Rutten kunde inte ändras: %1</translation>
    </message>
    <message>
        <source>%1 messages now use the default.</source>
        <translation>Meddelanden i kanalen %1 använder nu standardvalet.</translation>
    </message>
    <message>
        <source>%1 messages now go through %2.</source>
        <translation>Meddelanden i kanalen %1 skickas nu via %2.</translation>
    </message>
    <message>
        <source>Stored — type to replace</source>
        <translation>Sparat — skriv för att ersätta</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Inte angivet</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 %2</source>
        <translation>Inte sparat: %1 %2</translation>
    </message>
    <message>
        <source>Provider %1 saved.</source>
        <translation>Leverantören %1 har sparats.</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>Ta bort leverantör</translation>
    </message>
    <message>
        <source>Remove the provider %1? Its settings and secrets are deleted.</source>
        <translation>Ta bort leverantören %1? Dess inställningar och hemligheter raderas.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Inte borttagen: %1</translation>
    </message>
    <message>
        <source>Provider %1 removed.</source>
        <translation>Leverantören %1 har tagits bort.</translation>
    </message>
    <message>
        <source>Enter a phone number or e-mail address to send the test to.</source>
        <translation>Ange ett telefonnummer eller en e-postadress att skicka testet till.</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>Skickar ett testmeddelande…</translation>
    </message>
    <message>
        <source>The test was not sent: %1</source>
        <translation>Testet skickades inte: %1</translation>
    </message>
    <message>
        <source>The provider refused the test: %1</source>
        <translation>Leverantören avvisade testet: %1</translation>
    </message>
    <message>
        <source>The provider accepted the test message.</source>
        <translation>Leverantören accepterade testmeddelandet.</translation>
    </message>
</context>
<context>
    <name>vc::ui::SecretKeyDialog</name>
    <message>
        <source>All services</source>
        <translation>Alla tjänster</translation>
    </message>
    <message>
        <source>“%1” was created with prefix %2. Scope: %3. Service: %4.</source>
        <translation>”%1” har skapats med prefixet %2. Behörighet: %3. Tjänst: %4.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in one minute.</source>
        <translation>Kopierad. Urklippet töms om en minut.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in %1 s.</source>
        <translation>Kopierad. Urklippet töms om %1 s.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceForm</name>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>Ange ett heltal från %1 till %2.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Ange ett namn.</translation>
    </message>
    <message>
        <source>Use at most %1 characters, without control characters.</source>
        <translation>Använd högst %1 tecken, utan styrtecken.</translation>
    </message>
    <message>
        <source>Enter a two-letter country code such as NO, or leave it empty.</source>
        <translation>Ange en landskod med två bokstäver, till exempel SE, eller lämna fältet tomt.</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>Välj minst en kanal.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Sparat kl. %1.</translation>
    </message>
    <message>
        <source>%1 min in messages</source>
        <translation>%1 min i meddelanden</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Inga</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Ingen gräns</translation>
    </message>
    <message>
        <source>Enter an http or https address such as https://app.example.com/hooks, or leave it empty.</source>
        <translation>Ange en http- eller https-adress som https://app.example.com/hooks, eller lämna fältet tomt.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceListModel</name>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
    <message>
        <source>%1 (id %2) is disabled: it accepts no new verifications</source>
        <translation>%1 (id %2) är inaktiverad: den tar inte emot nya verifieringar</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServicesPage</name>
    <message>
        <source>A service is one application that sends codes. Changes apply to verifications started after they are saved; those under way keep their rules.</source>
        <translation>En tjänst är en applikation som skickar koder. Ändringar gäller verifieringar som startas efter att ändringarna har sparats; pågående verifieringar behåller sina regler.</translation>
    </message>
    <message>
        <source>Services not loaded</source>
        <translation>Tjänsterna kunde inte läsas in</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>The settings of %1 have changes that are not saved. Discard them?</source>
        <translation>Inställningarna för %1 har ändringar som inte har sparats. Vill du förkasta dem?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Förkasta ändringar</translation>
    </message>
    <message>
        <source>Service not created</source>
        <translation>Tjänsten skapades inte</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Tjänster</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionDetailPane</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionEventsModel</name>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Previous channel</source>
        <translation>Föregående kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Calling code</source>
        <translation>Landsnummer</translation>
    </message>
    <message>
        <source>Number type</source>
        <translation>Nummertyp</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Code length</source>
        <translation>Kodlängd</translation>
    </message>
    <message>
        <source>Valid for (s)</source>
        <translation>Giltighetstid (s)</translation>
    </message>
    <message>
        <source>Code from caller</source>
        <translation>Kod från anroparen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Leverans</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Försök nr</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation>Försök kvar</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Omsändning nr</translation>
    </message>
    <message>
        <source>Resends left</source>
        <translation>Omsändningar kvar</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Försöker igen</translation>
    </message>
    <message>
        <source>Retry at</source>
        <translation>Nästa försök</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Utförd av</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Number looked up</source>
        <translation>Nummeruppslag</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Lagd i kö</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>Leveransen misslyckades</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>Redundansväxling</translation>
    </message>
    <message>
        <source>Wrong code</source>
        <translation>Fel kod</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifierad</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>Resent</source>
        <translation>Skickad igen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Utgången</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckad</translation>
    </message>
    <message>
        <source>Webhook sent</source>
        <translation>Webhook skickad</translation>
    </message>
    <message>
        <source>Webhook failed</source>
        <translation>Webhook misslyckades</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Delivery receipt</source>
        <translation>Leveranskvitto</translation>
    </message>
    <message>
        <source>Not sent (test recipient)</source>
        <translation>Inte skickat (testmottagare)</translation>
    </message>
    <message>
        <source>Started again (open session reused)</source>
        <translation>Startad igen (öppen session återanvänd)</translation>
    </message>
    <message>
        <source>Webhook queued again</source>
        <translation>Webhook köad igen</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionListModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Resends</source>
        <translation>Omsändningar</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Går ut</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (test)</translation>
    </message>
    <message>
        <source>Test session: nothing is sent; the service&apos;s fixed test code verifies it</source>
        <translation>Testsession: inget skickas; tjänstens fasta testkod verifierar den</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionsChart</name>
    <message>
        <source>Sessions per hour</source>
        <translation>Sessioner per timme</translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation>Sessioner per dag</translation>
    </message>
    <message>
        <source>Sessions per month</source>
        <translation>Sessioner per månad</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionsPage</name>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alla kanaler</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>När som helst</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Senaste 7 dagarna</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Senaste 30 dagarna</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Anpassat intervall</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alla tjänster</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Slutdatumet är före startdatumet.</translation>
    </message>
    <message>
        <source>Search for an exact phone number in international form (such as +47 912 34 567), an e-mail address or a session id.</source>
        <translation>Sök på ett exakt telefonnummer i internationellt format (till exempel +46 70 123 45 67), en e-postadress eller ett sessions-id.</translation>
    </message>
    <message>
        <source>No session has the id %1.</source>
        <translation>Det finns ingen session med id %1.</translation>
    </message>
    <message>
        <source>Sessions could not be loaded: %1</source>
        <translation>Sessionerna kunde inte läsas in: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>No sessions match.</source>
        <translation>Inga sessioner matchar.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) shown, more as you scroll</source>
        <translation>
            <numerusform>%Ln session visas, fler när du rullar</numerusform>
            <numerusform>%Ln sessioner visas, fler när du rullar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessioner</numerusform>
        </translation>
    </message>
    <message>
        <source>Events could not be loaded: %1</source>
        <translation>Händelserna kunde inte läsas in: %1</translation>
    </message>
    <message>
        <source>This session has used all its resends.</source>
        <translation>Sessionen har använt alla sina omsändningar.</translation>
    </message>
    <message>
        <source>Send a new code, by this or another channel</source>
        <translation>Skicka en ny kod, via samma eller en annan kanal</translation>
    </message>
    <message>
        <source>End this session; its code stops working</source>
        <translation>Avbryt sessionen; koden slutar gälla</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>Skicka kod igen</translation>
    </message>
    <message>
        <source>Send a new code to %1 by:</source>
        <translation>Skicka en ny kod till %1 via:</translation>
    </message>
    <message>
        <source>Send a new code to %1 by %2? The code sent before stops working.</source>
        <translation>Vill du skicka en ny kod till %1 via kanalen %2? Den tidigare skickade koden slutar gälla.</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Skicka igen</translation>
    </message>
    <message>
        <source>Resend failed</source>
        <translation>Det gick inte att skicka igen</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Avbryt session</translation>
    </message>
    <message>
        <source>Cancel the session for %1? Its code stops working and the session cannot be resumed.</source>
        <translation>Vill du avbryta sessionen för %1? Koden slutar gälla och sessionen kan inte återupptas.</translation>
    </message>
    <message>
        <source>Cancel failed</source>
        <translation>Det gick inte att avbryta sessionen</translation>
    </message>
    <message numerus="yes">
        <source>Wait %Ln s and try again.</source>
        <translation>
            <numerusform>Vänta %Ln s och försök igen.</numerusform>
            <numerusform>Vänta %Ln s och försök igen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Kopiera sessions-id</translation>
    </message>
    <message>
        <source>Resend…</source>
        <translation>Skicka igen…</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>Export sessions</source>
        <translation>Exportera sessioner</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exporting sessions…</source>
        <translation>Exporterar sessioner…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppa</translation>
    </message>
    <message>
        <source>Exporting sessions… %L1 written</source>
        <translation>Exporterar sessioner… %L1 skrivna</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <source>The sessions could not be exported: %1</source>
        <translation>Sessionerna kunde inte exporteras: %1</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Exporten är klar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) saved to %1.</source>
        <translation>
            <numerusform>%Ln session sparad i %1.</numerusform>
            <numerusform>%Ln sessioner sparade i %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this session&apos;s failed status webhooks to the application again</source>
        <translation>Skicka sessionens misslyckade status-webhooks till applikationen igen</translation>
    </message>
    <message>
        <source>Send webhooks again</source>
        <translation>Skicka webhooks igen</translation>
    </message>
    <message>
        <source>Send the failed status webhooks of the session for %1 to the application again? Use this once its receiver works.</source>
        <translation>Skicka de misslyckade status-webhookarna för sessionen till %1 till applikationen igen? Använd detta när mottagaren fungerar igen.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Skicka igen</translation>
    </message>
    <message>
        <source>Sending webhooks again failed</source>
        <translation>Det gick inte att skicka webhooks igen</translation>
    </message>
    <message>
        <source>Send webhooks again…</source>
        <translation>Skicka webhooks igen…</translation>
    </message>
</context>
<context>
    <name>vc::ui::SettingsPage</name>
    <message>
        <source>Data folder</source>
        <translation>Datamapp</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>Systemspråk (%1)</translation>
    </message>
    <message>
        <source>The window changes at once. Dates and numbers follow the chosen language too.</source>
        <translation>Fönstret ändras direkt. Datum och tal följer också det valda språket.</translation>
    </message>
    <message>
        <source>Older finished sessions are deleted once a day with their events and outbox messages; hourly statistics are kept. The setting is stored in the database, so verifyd instances using it follow it too.</source>
        <translation>Äldre avslutade sessioner tas bort en gång om dagen tillsammans med sina händelser och utkorgsmeddelanden; statistiken per timme sparas. Inställningen lagras i databasen, så verifyd-instanser som använder databasen följer den också.</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(standard)</translation>
    </message>
    <message>
        <source>The retention could not be read: %1</source>
        <translation>Lagringstiden kunde inte läsas: %1</translation>
    </message>
    <message>
        <source>Enter an IP address such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network).</source>
        <translation>Ange en IP-adress, till exempel 127.0.0.1 (bara den här datorn) eller 0.0.0.0 (alla nätverk).</translation>
    </message>
    <message>
        <source>HTTP API not started</source>
        <translation>HTTP-API:et startades inte</translation>
    </message>
    <message>
        <source>The HTTP API could not start on %1:
%2

If another program uses this port, choose another port or stop that program.</source>
        <translation>HTTP-API:et kunde inte starta på %1:
%2

Om ett annat program använder porten väljer du en annan port eller stoppar det programmet.</translation>
    </message>
    <message>
        <source>On, at %1</source>
        <translation>Igång på %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Avstängt</translation>
    </message>
    <message>
        <source>Other computers can reach this address. The console&apos;s API has no TLS: API keys and codes would cross the network in clear. Use verifyd with TLS for that.</source>
        <translation>Andra datorer kan nå den här adressen. Konsolens API saknar TLS: API-nycklar och koder skulle skickas okrypterade över nätverket. Använd verifyd med TLS för det.</translation>
    </message>
    <message>
        <source>Applications call the API at this address. 127.0.0.1 accepts connections from this computer only; port 0 picks a free port.</source>
        <translation>Applikationer anropar API:et på den här adressen. 127.0.0.1 tar bara emot anslutningar från den här datorn; port 0 väljer en ledig port.</translation>
    </message>
    <message>
        <source>Enter a full path, such as /srv/verify.</source>
        <translation>Ange en fullständig sökväg, till exempel /srv/verify.</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>Det här är en fil, inte en mapp.</translation>
    </message>
    <message>
        <source>A new folder takes effect the next time the console starts; this window keeps its database.</source>
        <translation>En ny mapp börjar gälla nästa gång konsolen startas; det här fönstret behåller sin databas.</translation>
    </message>
    <message>
        <source>Saved: the console keeps using this folder.</source>
        <translation>Sparat: konsolen fortsätter att använda den här mappen.</translation>
    </message>
    <message>
        <source>Saved. The console opens %1 the next time it starts; until then it keeps using %2.</source>
        <translation>Sparat. Konsolen öppnar %1 nästa gång den startas; fram till dess används %2.</translation>
    </message>
    <message>
        <source>There is no database there yet: a new, empty one will be created.</source>
        <translation>Där finns ingen databas ännu: en ny, tom databas skapas.</translation>
    </message>
    <message>
        <source>Retention not changed</source>
        <translation>Lagringstiden ändrades inte</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Sparat kl. %1.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>dag</numerusform>
            <numerusform>dagar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::SuccessRateChart</name>
    <message>
        <source>Success rate over time</source>
        <translation>Andel lyckade över tid</translation>
    </message>
    <message>
        <source>Success rate over time (no finished sessions yet)</source>
        <translation>Andel lyckade över tid (inga avslutade sessioner ännu)</translation>
    </message>
    <message>
        <source>Verified of finished sessions</source>
        <translation>Verifierade av avslutade sessioner</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
</context>
<context>
    <name>vc::ui::TemplateEditor</name>
    <message>
        <source>Unsaved message</source>
        <translation>Osparat meddelande</translation>
    </message>
    <message>
        <source>The %1 message in %2 has changes that are not saved. Discard them?</source>
        <translation>Meddelandet ”%1” för %2 har ändringar som inte har sparats. Vill du förkasta dem?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Förkasta ändringar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Custom text&lt;/b&gt; for this service</source>
        <translation>&lt;b&gt;Egen text&lt;/b&gt; för den här tjänsten</translation>
    </message>
    <message>
        <source>Shipped text</source>
        <translation>Standardtext</translation>
    </message>
    <message>
        <source>Preview with the sample code %1</source>
        <translation>Förhandsgranskning med exempelkoden %1</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minuter</translation>
    </message>
    <message>
        <source>This text cannot be used:</source>
        <translation>Texten kan inte användas:</translation>
    </message>
    <message>
        <source>Characters: %1 · SMS parts: %2</source>
        <translation>Tecken: %1 · sms-delar: %2</translation>
    </message>
    <message>
        <source>Read aloud by the voice gateway: the code is spoken one character at a time.</source>
        <translation>Läses upp av röstgatewayen: koden läses upp ett tecken i taget.</translation>
    </message>
    <message>
        <source>One line, and never the code: subjects show in notifications, mail lists and server logs.</source>
        <translation>En rad, och aldrig koden: ämnesraden syns i aviseringar, inkorgar och serverloggar.</translation>
    </message>
    <message>
        <source>The plain-text part, for mail programs that do not show HTML.</source>
        <translation>Delen med oformaterad text, för e-postprogram som inte visar HTML.</translation>
    </message>
    <message>
        <source>As a simple mail program shows it; values are HTML-escaped. Check new layouts in real mail programs too.</source>
        <translation>Så som ett enkelt e-postprogram visar det; värdena är HTML-kodade. Kontrollera nya layouter i riktiga e-postprogram också.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Sparat kl. %1.</translation>
    </message>
    <message>
        <source>Reset to shipped text</source>
        <translation>Återställ standardtext</translation>
    </message>
    <message>
        <source>Replace this service&apos;s %1 message in %2 with the shipped text? Its own text is deleted.</source>
        <translation>Vill du ersätta tjänstens meddelande ”%1” för %2 med standardtexten? Tjänstens egen text tas bort.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Not reset</source>
        <translation>Texten återställdes inte</translation>
    </message>
    <message>
        <source>The shipped text is in use again.</source>
        <translation>Standardtexten används igen.</translation>
    </message>
    <message>
        <source>Placeholders: {code}, {app_name}, {ttl_minutes} and {minutes} (the word for “minutes”). Write {{ or }} for a brace.</source>
        <translation>Platshållare: {code}, {app_name}, {ttl_minutes} och {minutes} (ordet för ”minuter”). Skriv {{ eller }} för en klammerparentes.</translation>
    </message>
</context>
</TS>
