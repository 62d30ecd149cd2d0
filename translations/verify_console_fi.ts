<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Valvontaloki</translation>
    </message>
    <message>
        <source>Every change made from this console, with verifyctl or with an admin key, newest first.</source>
        <translation>Kaikki tällä konsolilla, verifyctl-työkalulla tai ylläpitoavaimella tehdyt muutokset uusimmasta alkaen.</translation>
    </message>
    <message>
        <source>Search by actor, action code, target or detail (e.g. operator:ola, key.revoke, a session id)</source>
        <translation>Hae tekijän, toimintokoodin, kohteen tai tiedon mukaan (esim. operator:ola, key.revoke, istunnon tunnus)</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>Hae valvontalokista</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Päivitä</translation>
    </message>
    <message>
        <source>Select an entry to see all of its details.</source>
        <translation>Valitse merkintä nähdäksesi sen kaikki tiedot.</translation>
    </message>
    <message>
        <source>Details of the selected entry</source>
        <translation>Valitun merkinnän tiedot</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>Create API key</source>
        <translation>Luo API-avain</translation>
    </message>
    <message>
        <source>A program presents its key in the X-API-Key header. Give each program its own key, so one can be revoked without touching the others.</source>
        <translation>Ohjelma esittää avaimensa X-API-Key-otsakkeessa. Anna jokaiselle ohjelmalle oma avain, jotta yhden voi mitätöidä koskematta muihin.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nimi:</translation>
    </message>
    <message>
        <source>e.g. Web shop checkout</source>
        <translation>esim. Verkkokaupan kassa</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Oikeudet:</translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation>&amp;Palvelu:</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>&amp;Vanheneminen:</translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation>Vanhenee</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Aikaväli:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Viimeiset 7 päivää</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Viimeiset 30 päivää</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Mukautettu</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>Al&amp;ku:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Loppu:</translation>
    </message>
    <message>
        <source>No sessions in this range</source>
        <translation>Ei istuntoja tällä aikavälillä</translation>
    </message>
    <message>
        <source>Possible SMS pumping</source>
        <translation>Mahdollinen SMS-pumppaus</translation>
    </message>
    <message>
        <source>Someone may be starting verifications to numbers that pay them per message (toll fraud). Look at these sessions, and on the Services page limit the allowed countries or lower the start limits.</source>
        <translation>Joku saattaa aloittaa vahvistuksia numeroihin, jotka saavat maksun jokaisesta viestistä (maksupetos). Tarkista nämä istunnot ja rajaa sallittuja maita tai laske aloitusrajoja Palvelut-sivulla.</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <source>Delivery</source>
        <translation>Toimitus</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Lähtevät</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Istunto:</translation>
    </message>
    <message>
        <source>Delivery queue</source>
        <translation>Toimitusjono</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Näytä:</translation>
    </message>
    <message>
        <source>Waiting and failed</source>
        <translation>Odottavat ja epäonnistuneet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Epäonnistuneet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Lähetetyt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Peruutetut</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yritä uudelleen</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>SMS</source>
        <translation>Tekstiviesti</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Puhelu</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Odottaa</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Toimitettu</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vahvistettu</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Epäonnistunut</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vanhentunut</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Peruutettu</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Jonossa</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Lähetetään</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Lähetetty</translation>
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
        <translation>API-avaimet</translation>
    </message>
    <message>
        <source>Programs authenticate to the HTTP API with a key. A verify key starts and checks verifications; an admin key can do everything, including managing keys.</source>
        <translation>HTTP API:ssa ohjelmat tunnistautuvat avaimella. Vahvistusavain aloittaa ja tarkistaa vahvistuksia; ylläpitoavain voi tehdä kaiken, myös hallita avaimia.</translation>
    </message>
    <message>
        <source>&amp;Create key…</source>
        <translation>&amp;Luo avain…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Mitätöi…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Päivitä</translation>
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
        <translation>Sivut</translation>
    </message>
</context>
<context>
    <name>NewServiceDialog</name>
    <message>
        <source>New service</source>
        <translation>Uusi palvelu</translation>
    </message>
    <message>
        <source>A service is one application that sends codes, with its own settings, messages and API keys.</source>
        <translation>Palvelu on yksi koodeja lähettävä sovellus, jolla on omat asetukset, viestit ja API-avaimet.</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>Tunnus:</translation>
    </message>
    <message>
        <source>e.g. shop</source>
        <translation>esim. kauppa</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
</context>
<context>
    <name>SecretKeyDialog</name>
    <message>
        <source>API key created</source>
        <translation>API-avain luotu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy the key now: it will not be shown again.&lt;/b&gt; Verify Console keeps only a hash of it. If the key is lost, revoke it and create a new one.</source>
        <translation>&lt;b&gt;Kopioi avain nyt: sitä ei näytetä uudelleen.&lt;/b&gt; Verify Console tallentaa siitä vain tiivisteen. Jos avain katoaa, mitätöi se ja luo uusi.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Avain:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopioi</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <source>General</source>
        <translation>Yleiset</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Name in messages:</source>
        <translation>Nimi viesteissä:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
    <message>
        <source>Accepts new verifications</source>
        <translation>Ottaa vastaan uusia vahvistuksia</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Koodit</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Pituus:</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> merkkiä</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Merkit:</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>Numerot</translation>
    </message>
    <message>
        <source>Letters and digits (no look-alikes)</source>
        <translation>Kirjaimet ja numerot (ei samannäköisiä)</translation>
    </message>
    <message>
        <source>Custom codes:</source>
        <translation>Omat koodit:</translation>
    </message>
    <message>
        <source>Applications may supply their own code</source>
        <translation>Sovellukset voivat antaa oman koodinsa</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Rajat</translation>
    </message>
    <message>
        <source>Code valid for:</source>
        <translation>Koodi voimassa:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Wrong codes allowed:</source>
        <translation>Vääriä koodeja enintään:</translation>
    </message>
    <message>
        <source>Resends allowed:</source>
        <translation>Uudelleenlähetyksiä enintään:</translation>
    </message>
    <message>
        <source>Wait between sends:</source>
        <translation>Odotus lähetysten välillä:</translation>
    </message>
    <message>
        <source>Starts per recipient per hour:</source>
        <translation>Aloituksia vastaanottajalle tunnissa:</translation>
    </message>
    <message>
        <source>Channels and language</source>
        <translation>Kanavat ja kieli</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanavat:</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>Tekstiviesti</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Puhelu</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <source>Message language:</source>
        <translation>Viestien kieli:</translation>
    </message>
    <message>
        <source>Country of national numbers:</source>
        <translation>Kansallisten numeroiden maa:</translation>
    </message>
    <message>
        <source>e.g. NO; empty: numbers need +country code</source>
        <translation>esim. FI; tyhjä: numeroissa oltava +maatunnus</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Kumoa muutokset</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Starts per IP address per hour:</source>
        <translation>Aloituksia IP-osoitetta kohden tunnissa:</translation>
    </message>
    <message>
        <source>Starts per API key per hour:</source>
        <translation>Aloituksia API-avainta kohden tunnissa:</translation>
    </message>
    <message>
        <source>Starts per service per hour:</source>
        <translation>Palvelun aloituksia tunnissa:</translation>
    </message>
    <message>
        <source>Open session:</source>
        <translation>Avoin istunto:</translation>
    </message>
    <message>
        <source>Return it again instead of sending a new code</source>
        <translation>Palauta se uudelleen uuden koodin lähettämisen sijaan</translation>
    </message>
    <message>
        <source>Allowed countries:</source>
        <translation>Sallitut maat:</translation>
    </message>
    <message>
        <source>e.g. NO, SE; empty: all countries</source>
        <translation>esim. NO, SE; tyhjä: kaikki maat</translation>
    </message>
    <message>
        <source>SMS:</source>
        <translation>Tekstiviesti:</translation>
    </message>
    <message>
        <source>Only to mobile numbers</source>
        <translation>Vain matkapuhelinnumeroihin</translation>
    </message>
    <message>
        <source>Test recipients:</source>
        <translation>Testivastaanottajat:</translation>
    </message>
    <message>
        <source>Status webhook URL:</source>
        <translation>Tilailmoitusten osoite (webhook):</translation>
    </message>
    <message>
        <source>e.g. https://app.example.com/hooks/verify; empty: no webhooks</source>
        <translation>esim. https://app.example.com/hooks/verify; tyhjä: ei ilmoituksia</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Services</source>
        <translation>Palvelut</translation>
    </message>
    <message>
        <source>New service…</source>
        <translation>Uusi palvelu…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Viestit</translation>
    </message>
</context>
<context>
    <name>SessionDetailPane</name>
    <message>
        <source>Select a session to see its details and events.</source>
        <translation>Valitse istunto nähdäksesi sen tiedot ja tapahtumat.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanava:</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Vastaanottaja:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Maa:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Kieli:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Palvelu:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Yritykset:</translation>
    </message>
    <message>
        <source>Resends:</source>
        <translation>Uudelleenlähetykset:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Luotu:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Vanhenee:</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Toimitettu:</translation>
    </message>
    <message>
        <source>Verified:</source>
        <translation>Vahvistettu:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>Päättynyt:</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Viite:</translation>
    </message>
    <message>
        <source>Client IP:</source>
        <translation>Asiakkaan IP-osoite:</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Tapahtumat</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Tapahtumien aikajana</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Search: phone number (+47 912 34 567), e-mail address or session id</source>
        <translation>Hae: puhelinnumero (+358 40 123 4567), sähköpostiosoite tai istunnon tunnus</translation>
    </message>
    <message>
        <source>Search sessions</source>
        <translation>Hae istuntoja</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Tila:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanava:</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>&amp;Palvelu:</translation>
    </message>
    <message>
        <source>Crea&amp;ted:</source>
        <translation>&amp;Luotu:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Alkupäivä</translation>
    </message>
    <message>
        <source>to</source>
        <translation>–</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Loppupäivä</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Tyhjennä suodattimet</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Istunnot</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Vie…</translation>
    </message>
    <message>
        <source>Save the sessions that match the filters as a CSV file</source>
        <translation>Tallenna suodattimia vastaavat istunnot CSV-tiedostoon</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <source>Run the HTTP API in the console</source>
        <translation>Ota HTTP API käyttöön konsolissa</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Osoite:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Portti:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Käytä</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Tallennuspaikka</translation>
    </message>
    <message>
        <source>Database in use:</source>
        <translation>Käytössä oleva tietokanta:</translation>
    </message>
    <message>
        <source>Folder at next start:</source>
        <translation>Kansio ensi käynnistyksessä:</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Valitse kansio…</translation>
    </message>
    <message>
        <source>Use the default folder</source>
        <translation>Käytä oletuskansiota</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Säilytysaika</translation>
    </message>
    <message>
        <source>Keep finished sessions for</source>
        <translation>Säilytä päättyneet istunnot</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Language of the console:</source>
        <translation>Konsolin kieli:</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Language:</source>
        <translation>Kieli:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Viesti:</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>Tekstiviesti</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Puhelu</translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation>Sähköpostin aihe</translation>
    </message>
    <message>
        <source>E-mail text</source>
        <translation>Sähköpostin teksti</translation>
    </message>
    <message>
        <source>E-mail HTML</source>
        <translation>Sähköpostin HTML</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Viestipohja</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Esikatselu</translation>
    </message>
    <message>
        <source>Reset to shipped text</source>
        <translation>Palauta vakioteksti</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Kumoa muutokset</translation>
    </message>
    <message>
        <source>Save message</source>
        <translation>Tallenna viesti</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Opening the database…</source>
        <translation>Avataan tietokantaa…</translation>
    </message>
    <message>
        <source>Verify Console</source>
        <translation>Verify Console</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1</source>
        <translation>Tietokantaa ei voi avata:
%1</translation>
    </message>
    <message>
        <source>HTTP API not started</source>
        <translation>HTTP API ei käynnistynyt</translation>
    </message>
    <message>
        <source>The HTTP API could not start: %1
Change the address in Settings.</source>
        <translation>HTTP API ei voinut käynnistyä: %1
Vaihda osoite Asetukset-sivulla.</translation>
    </message>
</context>
<context>
    <name>vc::ui::AuditModel</name>
    <message>
        <source>name</source>
        <translation>nimi</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>etuliite</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>oikeudet</translation>
    </message>
    <message>
        <source>service</source>
        <translation>palvelu</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>vanhenee</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>vastaanottaja</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>kanava</translation>
    </message>
    <message>
        <source>previous channel</source>
        <translation>edellinen kanava</translation>
    </message>
    <message>
        <source>resend no.</source>
        <translation>uudelleenlähetyksen nro</translation>
    </message>
    <message>
        <source>resends left</source>
        <translation>uudelleenlähetyksiä jäljellä</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>toimitus</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>välittäjä</translation>
    </message>
    <message>
        <source>language</source>
        <translation>kieli</translation>
    </message>
    <message>
        <source>part</source>
        <translation>osa</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>kyllä</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ei</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-avain luotu</translation>
    </message>
    <message>
        <source>API key revoked</source>
        <translation>API-avain mitätöity</translation>
    </message>
    <message>
        <source>Service created</source>
        <translation>Palvelu luotu</translation>
    </message>
    <message>
        <source>Service changed</source>
        <translation>Palvelua muutettu</translation>
    </message>
    <message>
        <source>Message text changed</source>
        <translation>Viestin tekstiä muutettu</translation>
    </message>
    <message>
        <source>Session cancelled</source>
        <translation>Istunto peruutettu</translation>
    </message>
    <message>
        <source>Code resent</source>
        <translation>Koodi lähetetty uudelleen</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Asetusta muutettu</translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation>API-avain %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Palvelu %1</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Istunto %1</translation>
    </message>
    <message>
        <source>Setting %1</source>
        <translation>Asetus %1</translation>
    </message>
    <message>
        <source>back to the built-in text</source>
        <translation>palautettu vakiotekstiin</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Tekijä</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Toiminto</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tiedot</translation>
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
        <translation>Kohde: %1</translation>
    </message>
    <message>
        <source>Target: %1 (id %2)</source>
        <translation>Kohde: %1 (tunnus %2)</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Valvontalokia ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>Nothing has been recorded yet.</source>
        <translation>Mitään ei ole vielä kirjattu.</translation>
    </message>
    <message>
        <source>No entries match “%1”.</source>
        <translation>Haulla ”%1” ei löytynyt merkintöjä.</translation>
    </message>
    <message>
        <source>Entries shown: %1. Scroll down for older ones.</source>
        <translation>Merkintöjä näkyvissä: %1. Vieritä alas nähdäksesi vanhemmat.</translation>
    </message>
    <message>
        <source>Entries: %1.</source>
        <translation>Merkintöjä: %1.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Valvontaloki</translation>
    </message>
</context>
<context>
    <name>vc::ui::CreateKeyDialog</name>
    <message>
        <source>Everything: sessions, services, keys, statistics and the audit log.</source>
        <translation>Kaikki: istunnot, palvelut, avaimet, tilastot ja valvontaloki.</translation>
    </message>
    <message>
        <source>Start, check, resend and cancel verifications, and read their status.</source>
        <translation>Vahvistusten aloitus, tarkistus, uudelleenlähetys ja peruutus sekä niiden tilan luku.</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Kaikki palvelut</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Luo avain</translation>
    </message>
    <message>
        <source>Use at most 100 characters and no control characters.</source>
        <translation>Käytä enintään 100 merkkiä äläkä käytä ohjausmerkkejä.</translation>
    </message>
    <message>
        <source>This service no longer exists. Choose another one.</source>
        <translation>Tätä palvelua ei ole enää olemassa. Valitse toinen.</translation>
    </message>
    <message>
        <source>Choose from 1 to 3650 days.</source>
        <translation>Valitse 1–3650 päivää.</translation>
    </message>
    <message>
        <source>Give the key a name, such as the program that will use it.</source>
        <translation>Anna avaimelle nimi, esimerkiksi sitä käyttävän ohjelman nimi.</translation>
    </message>
    <message>
        <source>Key not created</source>
        <translation>Avainta ei luotu</translation>
    </message>
    <message>
        <source>The key could not be created: %1</source>
        <translation>Avainta ei voitu luoda: %1</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> päivän kuluttua</numerusform>
            <numerusform> päivän kuluttua</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::DashboardPage</name>
    <message>
        <source>The statistics could not be read: %1</source>
        <translation>Tilastoja ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Päivitetty klo %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Viimeiset 7 päivää</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Viimeiset 30 päivää</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1: none finished yet</source>
        <translation>%1: ei vielä päättyneitä</translation>
    </message>
    <message>
        <source>No sessions in this range</source>
        <translation>Ei istuntoja tällä aikavälillä</translation>
    </message>
    <message>
        <source>Sessions today</source>
        <translation>Istunnot tänään</translation>
    </message>
    <message>
        <source>Sessions this month</source>
        <translation>Istunnot tässä kuussa</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Onnistumisaste</translation>
    </message>
    <message>
        <source>Delivery failures</source>
        <translation>Toimitusvirheet</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Yleiskatsaus</translation>
    </message>
    <message>
        <source>%1: %2 of %3 finished sessions verified</source>
        <translation>%1: vahvistettu %2 / %3 päättyneestä istunnosta</translation>
    </message>
    <message>
        <source>The SMS-pumping signals could not be read</source>
        <translation>SMS-pumppauksen merkkejä ei voitu lukea</translation>
    </message>
    <message>
        <source>%1 in %2, service %3</source>
        <translation>%1, %2, palvelu %3</translation>
    </message>
    <message numerus="yes">
        <source>%n start(s) since %1, usually %2 an hour</source>
        <translation>
            <numerusform>%n aloitus klo %1 jälkeen, yleensä %2 tunnissa</numerusform>
            <numerusform>%n aloitusta klo %1 jälkeen, yleensä %2 tunnissa</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 verified in the last 24 hours (%3); the service usually %4</source>
        <translation>%1/%2 vahvistettu viimeisten 24 tunnin aikana (%3); palvelulla yleensä %4</translation>
    </message>
    <message>
        <source>%1 of %2 verified in the last 24 hours (%3)</source>
        <translation>%1/%2 vahvistettu viimeisten 24 tunnin aikana (%3)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>ja %n muuta</numerusform>
            <numerusform>ja %n muuta</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible SMS pumping</source>
        <translation>Mahdollinen SMS-pumppaus</translation>
    </message>
</context>
<context>
    <name>vc::ui::DeliveryPage</name>
    <message>
        <source>All sessions; paste a session id to see one</source>
        <translation>Kaikki istunnot; liitä istunnon tunnus nähdäksesi yhden</translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Kopioi istunnon tunnus</translation>
    </message>
    <message>
        <source>This is not a session id.</source>
        <translation>Tämä ei ole istunnon tunnus.</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>Jonoa ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>The newest %1 messages</source>
        <translation>Uusimmat %1 viestiä</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>Viestejä: %1</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>Kohteita: %1</translation>
    </message>
    <message>
        <source>Items: %1 · failed: %2</source>
        <translation>Kohteita: %1 · epäonnistuneita: %2</translation>
    </message>
    <message>
        <source>Delivery queue (%1 failed)</source>
        <translation>Toimitusjono (epäonnistuneita: %1)</translation>
    </message>
    <message>
        <source>Delivery queue</source>
        <translation>Toimitusjono</translation>
    </message>
    <message>
        <source>Select a message to read it in full.</source>
        <translation>Valitse viesti lukeaksesi sen kokonaan.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Aihe: %1</translation>
    </message>
    <message>
        <source>Sends the session a new code by the same channel, under the resend rules.</source>
        <translation>Lähettää istunnolle uuden koodin samalla kanavalla uudelleenlähetyksen sääntöjen mukaisesti.</translation>
    </message>
    <message>
        <source>A code was sent to this session moments ago. Try again in %1 s.</source>
        <translation>Istunnolle lähetettiin koodi hetki sitten. Yritä uudelleen %1 sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>The session has used all its resends. The user has to start a new verification.</source>
        <translation>Istunto on käyttänyt kaikki uudelleenlähetyksensä. Käyttäjän on aloitettava uusi vahvistus.</translation>
    </message>
    <message>
        <source>Only a failed delivery can be retried, and this one is no longer failed.</source>
        <translation>Vain epäonnistunutta toimitusta voi yrittää uudelleen, eikä tämä toimitus ole enää epäonnistunut.</translation>
    </message>
    <message>
        <source>The session is already final (%1): it gets no new code.</source>
        <translation>Istunto on jo päättynyt (%1), eikä sille lähetetä uutta koodia.</translation>
    </message>
    <message>
        <source>This delivery no longer exists; its session may have been purged.</source>
        <translation>Tätä toimitusta ei ole enää olemassa; sen istunto on ehkä poistettu.</translation>
    </message>
    <message>
        <source>Retry delivery</source>
        <translation>Yritä toimitusta uudelleen</translation>
    </message>
    <message>
        <source>Send a new code to %1 by %2? The session&apos;s current code stops working.</source>
        <translation>Lähetetäänkö vastaanottajalle %1 uusi koodi (kanava: %2)? Istunnon nykyinen koodi lakkaa toimimasta.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <source>Delivery not retried</source>
        <translation>Toimitusta ei yritetty uudelleen</translation>
    </message>
    <message>
        <source>A new code for session %1 is queued (%2).</source>
        <translation>Istunnon %1 uusi koodi on lisätty jonoon (%2).</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Toimitus</translation>
    </message>
    <message>
        <source>%1 through %2</source>
        <translation>%1 välittäjän %2 kautta</translation>
    </message>
    <message>
        <source>&lt;b&gt;The local outbox is the active provider.&lt;/b&gt; Messages are kept here instead of being sent, so verifications work without an SMS, voice or e-mail gateway. Connect a gateway under Providers.</source>
        <translation>&lt;b&gt;Paikallinen Lähtevät-kansio on käytössä oleva välittäjä.&lt;/b&gt; Viestit säilytetään täällä lähettämisen sijaan, joten vahvistukset toimivat ilman tekstiviesti-, puhelu- tai sähköpostiyhdyskäytävää. Yhdistä yhdyskäytävä kohdassa Välittäjät.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Messages are sent by gateways:&lt;/b&gt; %1. Other channels stay in the local outbox. Services can have their own routes under Providers.</source>
        <translation>&lt;b&gt;Viestit lähetetään yhdyskäytävien kautta:&lt;/b&gt; %1. Muut kanavat jäävät paikalliseen Lähtevät-kansioon. Palveluilla voi olla omat reittinsä kohdassa Välittäjät.</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Välittäjät</translation>
    </message>
</context>
<context>
    <name>vc::ui::DeliveryQueueModel</name>
    <message>
        <source>Retrying</source>
        <translation>Yritetään uudelleen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Istunto</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Välittäjä</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Yritykset</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Seuraava yritys</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Viimeisin virhe</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Vastaanottaja</translation>
    </message>
</context>
<context>
    <name>vc::ui::KeysModel</name>
    <message>
        <source>Admin</source>
        <translation>Ylläpito</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vahvistus</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Voimassa</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vanhentunut</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Mitätöity</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Kaikki palvelut</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Ei koskaan</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>Luonut: %1</translation>
    </message>
    <message>
        <source>Revoked by %1 on %2</source>
        <translation>Mitätöinyt: %1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Etuliite</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Oikeudet</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Palvelu</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Viimeksi käytetty</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vanhenee</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
</context>
<context>
    <name>vc::ui::KeysPage</name>
    <message>
        <source>The API keys could not be read: %1</source>
        <translation>API-avaimia ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>No API keys yet. Create one for each program that calls the API.</source>
        <translation>API-avaimia ei ole vielä. Luo oma avain jokaiselle API-kutsuja tekevälle ohjelmalle.</translation>
    </message>
    <message>
        <source>Keys: %1, of which active: %2.</source>
        <translation>Avaimia: %1, joista voimassa: %2.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Mitätöi API-avain</translation>
    </message>
    <message>
        <source>Revoke the key “%1” (prefix %2)?

Programs that use it are refused from their next request on, also by verifyd on the same database. This cannot be undone.</source>
        <translation>Mitätöidäänkö avain ”%1” (etuliite %2)?

Sitä käyttävien ohjelmien pyynnöt hylätään seuraavasta pyynnöstä alkaen, myös samaa tietokantaa käyttävässä verifyd:ssä. Toimintoa ei voi kumota.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Mitätöi avain</translation>
    </message>
    <message>
        <source>Key not revoked</source>
        <translation>Avainta ei mitätöity</translation>
    </message>
    <message>
        <source>The key could not be revoked: %1</source>
        <translation>Avainta ei voitu mitätöidä: %1</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-avaimet</translation>
    </message>
</context>
<context>
    <name>vc::ui::MainWindow</name>
    <message>
        <source>API on %1 · %2 requests/s</source>
        <translation>API käytössä: %1 · %2 pyyntöä/s</translation>
    </message>
    <message>
        <source>API off</source>
        <translation>API ei käytössä</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Tietokanta: %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::NewServiceDialog</name>
    <message>
        <source>Lower-case letters, digits, “-” and “_”, starting with a letter or digit. Applications name the service by it; it cannot be changed.</source>
        <translation>Pieniä kirjaimia, numeroita, ”-” ja ”_”; ensimmäisen merkin on oltava kirjain tai numero. Sovellukset viittaavat palveluun tällä tunnuksella, eikä sitä voi muuttaa.</translation>
    </message>
    <message>
        <source>This is not a valid id: use 1–40 lower-case letters, digits, “-” or “_”, starting with a letter or digit.</source>
        <translation>Tunnus ei kelpaa: käytä 1–40 pientä kirjainta, numeroa, ”-” tai ”_”; ensimmäisen merkin on oltava kirjain tai numero.</translation>
    </message>
    <message>
        <source>A service with this id exists.</source>
        <translation>Palvelu tällä tunnuksella on jo olemassa.</translation>
    </message>
</context>
<context>
    <name>vc::ui::OutboxModel</name>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Vastaanottaja</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Istunto</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Viesti</translation>
    </message>
</context>
<context>
    <name>vc::ui::OutcomesChart</name>
    <message>
        <source>Outcomes by status</source>
        <translation>Istunnot tiloittain</translation>
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
        <translation>SMTP-palvelin (sähköposti)</translation>
    </message>
    <message>
        <source>Kannel gateway (SMS)</source>
        <translation>Kannel-yhdyskäytävä (tekstiviestit)</translation>
    </message>
    <message>
        <source>HTTP gateway (SMS, voice)</source>
        <translation>HTTP-yhdyskäytävä (tekstiviestit, puhelut)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Palvelin:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Portti:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Salaus:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Käyttäjätunnus:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Salasana:</translation>
    </message>
    <message>
        <source>From address:</source>
        <translation>Lähettäjän osoite:</translation>
    </message>
    <message>
        <source>From name:</source>
        <translation>Lähettäjän nimi:</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Lähettäjä:</translation>
    </message>
    <message>
        <source>Timeout (ms):</source>
        <translation>Aikakatkaisu (ms):</translation>
    </message>
    <message>
        <source>Verify the certificate:</source>
        <translation>Tarkista varmenne:</translation>
    </message>
    <message>
        <source>Trusted certificates (PEM file):</source>
        <translation>Luotetut varmenteet (PEM-tiedosto):</translation>
    </message>
    <message>
        <source>sendsms URL:</source>
        <translation>sendsms-URL:</translation>
    </message>
    <message>
        <source>Receipts to (this API&apos;s URL):</source>
        <translation>Kuittaukset osoitteeseen (tämän API:n URL):</translation>
    </message>
    <message>
        <source>Receipt token:</source>
        <translation>Kuittausten token:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Metodi:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Todennus:</translation>
    </message>
    <message>
        <source>Token or password:</source>
        <translation>Token tai salasana:</translation>
    </message>
    <message>
        <source>Headers (one &quot;Name: value&quot; a line):</source>
        <translation>Otsakkeet (yksi &quot;Nimi: arvo&quot; riville):</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Runko:</translation>
    </message>
    <message>
        <source>Body template:</source>
        <translation>Rungon malli:</translation>
    </message>
    <message>
        <source>Success field (JSON path):</source>
        <translation>Onnistumisen kenttä (JSON-polku):</translation>
    </message>
    <message>
        <source>Success value:</source>
        <translation>Onnistumisen arvo:</translation>
    </message>
    <message>
        <source>Message id field (JSON path):</source>
        <translation>Viestitunnuksen kenttä (JSON-polku):</translation>
    </message>
    <message>
        <source>Voice audio:</source>
        <translation>Puhelun ääni:</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Uusi välittäjä</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tyyppi:</translation>
    </message>
    <message>
        <source>e.g. office-smtp</source>
        <translation>esim. office-smtp</translation>
    </message>
    <message>
        <source>Save provider</source>
        <translation>Tallenna välittäjä</translation>
    </message>
    <message>
        <source>Test recipient: phone number or e-mail address</source>
        <translation>Testin vastaanottaja: puhelinnumero tai sähköpostiosoite</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Lähetä testi</translation>
    </message>
    <message>
        <source>Which provider sends each channel</source>
        <translation>Mikä välittäjä lähettää kunkin kanavan</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Koskee:</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>Välittäjä %1</translation>
    </message>
    <message>
        <source>The providers could not be read: %1</source>
        <translation>Välittäjiä ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Kaikki palvelut</translation>
    </message>
    <message>
        <source>Local outbox (built in)</source>
        <translation>Paikallinen Lähtevät-kansio (sisäänrakennettu)</translation>
    </message>
    <message>
        <source>As for all services</source>
        <translation>Kuten kaikilla palveluilla</translation>
    </message>
    <message>
        <source>The route could not be changed: %1</source>
        <translation>Reittiä ei voitu muuttaa: %1</translation>
    </message>
    <message>
        <source>%1 messages now use the default.</source>
        <translation>Kanavan %1 viestit käyttävät nyt oletusta.</translation>
    </message>
    <message>
        <source>%1 messages now go through %2.</source>
        <translation>Kanavan %1 viestit lähetetään nyt välittäjän %2 kautta.</translation>
    </message>
    <message>
        <source>Stored — type to replace</source>
        <translation>Tallennettu — kirjoita korvataksesi</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Ei asetettu</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 %2</source>
        <translation>Ei tallennettu: %1 %2</translation>
    </message>
    <message>
        <source>Provider %1 saved.</source>
        <translation>Välittäjä %1 tallennettu.</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>Poista välittäjä</translation>
    </message>
    <message>
        <source>Remove the provider %1? Its settings and secrets are deleted.</source>
        <translation>Poistetaanko välittäjä %1? Sen asetukset ja salaisuudet poistetaan.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Ei poistettu: %1</translation>
    </message>
    <message>
        <source>Provider %1 removed.</source>
        <translation>Välittäjä %1 poistettu.</translation>
    </message>
    <message>
        <source>Enter a phone number or e-mail address to send the test to.</source>
        <translation>Anna puhelinnumero tai sähköpostiosoite, johon testi lähetetään.</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>Lähetetään testiviestiä…</translation>
    </message>
    <message>
        <source>The test was not sent: %1</source>
        <translation>Testiä ei lähetetty: %1</translation>
    </message>
    <message>
        <source>The provider refused the test: %1</source>
        <translation>Välittäjä hylkäsi testin: %1</translation>
    </message>
    <message>
        <source>The provider accepted the test message.</source>
        <translation>Välittäjä hyväksyi testiviestin.</translation>
    </message>
</context>
<context>
    <name>vc::ui::SecretKeyDialog</name>
    <message>
        <source>All services</source>
        <translation>Kaikki palvelut</translation>
    </message>
    <message>
        <source>“%1” was created with prefix %2. Scope: %3. Service: %4.</source>
        <translation>”%1” luotiin etuliitteellä %2. Oikeudet: %3. Palvelu: %4.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in one minute.</source>
        <translation>Kopioitu. Leikepöytä tyhjennetään minuutin kuluttua.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in %1 s.</source>
        <translation>Kopioitu. Leikepöytä tyhjennetään %1 sekunnin kuluttua.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceForm</name>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>Anna kokonaisluku väliltä %1–%2.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Anna nimi.</translation>
    </message>
    <message>
        <source>Use at most %1 characters, without control characters.</source>
        <translation>Käytä enintään %1 merkkiä, ei ohjausmerkkejä.</translation>
    </message>
    <message>
        <source>Enter a two-letter country code such as NO, or leave it empty.</source>
        <translation>Anna kaksikirjaiminen maakoodi, kuten FI, tai jätä kenttä tyhjäksi.</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>Valitse vähintään yksi kanava.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Tallennettu klo %1.</translation>
    </message>
    <message>
        <source>%1 min in messages</source>
        <translation>viesteissä %1 min</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ei yhtään</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Ei rajaa</translation>
    </message>
    <message>
        <source>Enter an http or https address such as https://app.example.com/hooks, or leave it empty.</source>
        <translation>Anna http- tai https-osoite, kuten https://app.example.com/hooks, tai jätä kenttä tyhjäksi.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceListModel</name>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (tunnus %2)</translation>
    </message>
    <message>
        <source>%1 (id %2) is disabled: it accepts no new verifications</source>
        <translation>%1 (tunnus %2) on poistettu käytöstä: se ei ota vastaan uusia vahvistuksia</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Palvelu</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Tunnus</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServicesPage</name>
    <message>
        <source>A service is one application that sends codes. Changes apply to verifications started after they are saved; those under way keep their rules.</source>
        <translation>Palvelu on yksi koodeja lähettävä sovellus. Muutokset koskevat vahvistuksia, jotka aloitetaan tallennuksen jälkeen; käynnissä olevat noudattavat aiempia sääntöjään.</translation>
    </message>
    <message>
        <source>Services not loaded</source>
        <translation>Palveluja ei ladattu</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Tallentamattomia muutoksia</translation>
    </message>
    <message>
        <source>The settings of %1 have changes that are not saved. Discard them?</source>
        <translation>Palvelun %1 asetuksissa on tallentamattomia muutoksia. Hylätäänkö ne?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Hylkää muutokset</translation>
    </message>
    <message>
        <source>Service not created</source>
        <translation>Palvelua ei luotu</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Palvelut</translation>
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
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Istunto %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionEventsModel</name>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Previous channel</source>
        <translation>Edellinen kanava</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Vastaanottaja</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Maa</translation>
    </message>
    <message>
        <source>Calling code</source>
        <translation>Maatunnus</translation>
    </message>
    <message>
        <source>Number type</source>
        <translation>Numeron tyyppi</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Palvelu</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Code length</source>
        <translation>Koodin pituus</translation>
    </message>
    <message>
        <source>Valid for (s)</source>
        <translation>Voimassa (s)</translation>
    </message>
    <message>
        <source>Code from caller</source>
        <translation>Sovelluksen antama koodi</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Viite</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Välittäjä</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Toimitus</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Yritys</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Yritykset</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation>Yrityksiä jäljellä</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Uudelleenlähetys</translation>
    </message>
    <message>
        <source>Resends left</source>
        <translation>Uudelleenlähetyksiä jäljellä</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Virhe</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Yritetään uudelleen</translation>
    </message>
    <message>
        <source>Retry at</source>
        <translation>Seuraava yritys</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Tekijä</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>kyllä</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ei</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <source>Number looked up</source>
        <translation>Numero tarkistettu</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Lisätty jonoon</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Lähetetty</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Toimitettu</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>Toimitus epäonnistui</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>Varareitti käyttöön</translation>
    </message>
    <message>
        <source>Wrong code</source>
        <translation>Väärä koodi</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vahvistettu</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Lukittu</translation>
    </message>
    <message>
        <source>Resent</source>
        <translation>Lähetetty uudelleen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Peruutettu</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vanhentunut</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Epäonnistui</translation>
    </message>
    <message>
        <source>Webhook sent</source>
        <translation>Webhook lähetetty</translation>
    </message>
    <message>
        <source>Webhook failed</source>
        <translation>Webhook epäonnistui</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Järjestelmä</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Tapahtuma</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <source>Delivery receipt</source>
        <translation>Toimitusraportti</translation>
    </message>
    <message>
        <source>Not sent (test recipient)</source>
        <translation>Ei lähetetty (testivastaanottaja)</translation>
    </message>
    <message>
        <source>Started again (open session reused)</source>
        <translation>Aloitettu uudelleen (avoin istunto käytetty uudelleen)</translation>
    </message>
    <message>
        <source>Webhook queued again</source>
        <translation>Webhook jonossa uudelleen</translation>
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
        <translation>Istunto %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Vastaanottaja</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Palvelu</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Yritykset</translation>
    </message>
    <message>
        <source>Resends</source>
        <translation>Uudelleenlähetykset</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vanhenee</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (testi)</translation>
    </message>
    <message>
        <source>Test session: nothing is sent; the service&apos;s fixed test code verifies it</source>
        <translation>Testi-istunto: mitään ei lähetetä; palvelun kiinteä testikoodi vahvistaa sen</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionsChart</name>
    <message>
        <source>Sessions per hour</source>
        <translation>Istunnot tunneittain</translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation>Istunnot päivittäin</translation>
    </message>
    <message>
        <source>Sessions per month</source>
        <translation>Istunnot kuukausittain</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionsPage</name>
    <message>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Kaikki kanavat</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Milloin tahansa</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Viimeiset 7 päivää</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Viimeiset 30 päivää</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Mukautettu väli</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Kaikki palvelut</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Loppupäivä on ennen alkupäivää.</translation>
    </message>
    <message>
        <source>Search for an exact phone number in international form (such as +47 912 34 567), an e-mail address or a session id.</source>
        <translation>Hae koko puhelinnumerolla kansainvälisessä muodossa (esim. +358 40 123 4567), sähköpostiosoitteella tai istunnon tunnuksella.</translation>
    </message>
    <message>
        <source>No session has the id %1.</source>
        <translation>Istuntoa tunnuksella %1 ei ole.</translation>
    </message>
    <message>
        <source>Sessions could not be loaded: %1</source>
        <translation>Istuntoja ei voitu ladata: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>No sessions match.</source>
        <translation>Ei vastaavia istuntoja.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) shown, more as you scroll</source>
        <translation>
            <numerusform>Näytetään %Ln istunto, lisää vierittämällä</numerusform>
            <numerusform>Näytetään %Ln istuntoa, lisää vierittämällä</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln istunto</numerusform>
            <numerusform>%Ln istuntoa</numerusform>
        </translation>
    </message>
    <message>
        <source>Events could not be loaded: %1</source>
        <translation>Tapahtumia ei voitu ladata: %1</translation>
    </message>
    <message>
        <source>This session has used all its resends.</source>
        <translation>Istunto on käyttänyt kaikki uudelleenlähetyksensä.</translation>
    </message>
    <message>
        <source>Send a new code, by this or another channel</source>
        <translation>Lähetä uusi koodi samalla tai toisella kanavalla</translation>
    </message>
    <message>
        <source>End this session; its code stops working</source>
        <translation>Päätä istunto; sen koodi lakkaa toimimasta</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>Lähetä koodi uudelleen</translation>
    </message>
    <message>
        <source>Send a new code to %1 by:</source>
        <translation>Lähetä vastaanottajalle %1 uusi koodi kanavalla:</translation>
    </message>
    <message>
        <source>Send a new code to %1 by %2? The code sent before stops working.</source>
        <translation>Lähetetäänkö vastaanottajalle %1 uusi koodi (kanava: %2)? Aiemmin lähetetty koodi lakkaa toimimasta.</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Lähetä uudelleen</translation>
    </message>
    <message>
        <source>Resend failed</source>
        <translation>Uudelleenlähetys epäonnistui</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Peruuta istunto</translation>
    </message>
    <message>
        <source>Cancel the session for %1? Its code stops working and the session cannot be resumed.</source>
        <translation>Peruutetaanko vastaanottajan %1 istunto? Sen koodi lakkaa toimimasta, eikä istuntoa voi jatkaa.</translation>
    </message>
    <message>
        <source>Cancel failed</source>
        <translation>Peruutus epäonnistui</translation>
    </message>
    <message numerus="yes">
        <source>Wait %Ln s and try again.</source>
        <translation>
            <numerusform>Odota %Ln sekunti ja yritä uudelleen.</numerusform>
            <numerusform>Odota %Ln sekuntia ja yritä uudelleen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Kopioi istunnon tunnus</translation>
    </message>
    <message>
        <source>Resend…</source>
        <translation>Lähetä uudelleen…</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Istunnot</translation>
    </message>
    <message>
        <source>Export sessions</source>
        <translation>Vie istunnot</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <source>Exporting sessions…</source>
        <translation>Viedään istuntoja…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Pysäytä</translation>
    </message>
    <message>
        <source>Exporting sessions… %L1 written</source>
        <translation>Viedään istuntoja… %L1 kirjoitettu</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Vienti epäonnistui</translation>
    </message>
    <message>
        <source>The sessions could not be exported: %1</source>
        <translation>Istuntoja ei voitu viedä: %1</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Vienti valmis</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) saved to %1.</source>
        <translation>
            <numerusform>%Ln istunto tallennettu tiedostoon %1.</numerusform>
            <numerusform>%Ln istuntoa tallennettu tiedostoon %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this session&apos;s failed status webhooks to the application again</source>
        <translation>Lähetä istunnon epäonnistuneet tila-webhookit sovellukselle uudelleen</translation>
    </message>
    <message>
        <source>Send webhooks again</source>
        <translation>Lähetä webhookit uudelleen</translation>
    </message>
    <message>
        <source>Send the failed status webhooks of the session for %1 to the application again? Use this once its receiver works.</source>
        <translation>Lähetetäänkö istunnon (%1) epäonnistuneet tila-webhookit sovellukselle uudelleen? Käytä tätä, kun vastaanottaja toimii taas.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Lähetä uudelleen</translation>
    </message>
    <message>
        <source>Sending webhooks again failed</source>
        <translation>Webhookien uudelleenlähetys epäonnistui</translation>
    </message>
    <message>
        <source>Send webhooks again…</source>
        <translation>Lähetä webhookit uudelleen…</translation>
    </message>
</context>
<context>
    <name>vc::ui::SettingsPage</name>
    <message>
        <source>Data folder</source>
        <translation>Datakansio</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>Järjestelmä (%1)</translation>
    </message>
    <message>
        <source>The window changes at once. Dates and numbers follow the chosen language too.</source>
        <translation>Ikkuna vaihtuu heti. Myös päivämäärät ja luvut noudattavat valittua kieltä.</translation>
    </message>
    <message>
        <source>Older finished sessions are deleted once a day with their events and outbox messages; hourly statistics are kept. The setting is stored in the database, so verifyd instances using it follow it too.</source>
        <translation>Tätä vanhemmat päättyneet istunnot poistetaan kerran päivässä tapahtumineen ja Lähtevät-kansion viesteineen; tuntikohtaiset tilastot säilytetään. Asetus tallennetaan tietokantaan, joten myös samaa tietokantaa käyttävät verifyd-instanssit noudattavat sitä.</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(oletus)</translation>
    </message>
    <message>
        <source>The retention could not be read: %1</source>
        <translation>Säilytysaikaa ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>Enter an IP address such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network).</source>
        <translation>Anna IP-osoite, esimerkiksi 127.0.0.1 (vain tämä tietokone) tai 0.0.0.0 (kaikki verkot).</translation>
    </message>
    <message>
        <source>HTTP API not started</source>
        <translation>HTTP API ei käynnistynyt</translation>
    </message>
    <message>
        <source>The HTTP API could not start on %1:
%2

If another program uses this port, choose another port or stop that program.</source>
        <translation>HTTP API ei voinut käynnistyä osoitteessa %1:
%2

Jos jokin toinen ohjelma käyttää tätä porttia, valitse toinen portti tai sulje kyseinen ohjelma.</translation>
    </message>
    <message>
        <source>On, at %1</source>
        <translation>Käytössä, osoite %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Ei käytössä</translation>
    </message>
    <message>
        <source>Other computers can reach this address. The console&apos;s API has no TLS: API keys and codes would cross the network in clear. Use verifyd with TLS for that.</source>
        <translation>Muut tietokoneet voivat ottaa yhteyden tähän osoitteeseen. Konsolin API ei käytä TLS-salausta: API-avaimet ja koodit kulkisivat verkossa salaamattomina. Käytä tähän verifyd:tä TLS-salauksen kanssa.</translation>
    </message>
    <message>
        <source>Applications call the API at this address. 127.0.0.1 accepts connections from this computer only; port 0 picks a free port.</source>
        <translation>API on sovellusten käytettävissä tässä osoitteessa. 127.0.0.1 hyväksyy yhteydet vain tältä tietokoneelta; portti 0 valitsee vapaan portin.</translation>
    </message>
    <message>
        <source>Enter a full path, such as /srv/verify.</source>
        <translation>Anna koko polku, esimerkiksi /srv/verify.</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>Tämä on tiedosto, ei kansio.</translation>
    </message>
    <message>
        <source>A new folder takes effect the next time the console starts; this window keeps its database.</source>
        <translation>Uusi kansio otetaan käyttöön, kun konsoli käynnistetään seuraavan kerran; tämä ikkuna käyttää edelleen nykyistä tietokantaansa.</translation>
    </message>
    <message>
        <source>Saved: the console keeps using this folder.</source>
        <translation>Tallennettu: konsoli käyttää edelleen tätä kansiota.</translation>
    </message>
    <message>
        <source>Saved. The console opens %1 the next time it starts; until then it keeps using %2.</source>
        <translation>Tallennettu. Konsoli avaa kansion %1, kun se käynnistetään seuraavan kerran; siihen asti se käyttää kansiota %2.</translation>
    </message>
    <message>
        <source>There is no database there yet: a new, empty one will be created.</source>
        <translation>Kansiossa ei ole vielä tietokantaa: sinne luodaan uusi, tyhjä tietokanta.</translation>
    </message>
    <message>
        <source>Retention not changed</source>
        <translation>Säilytysaikaa ei muutettu</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Tallennettu klo %1.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>päivän</numerusform>
            <numerusform>päivää</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::SuccessRateChart</name>
    <message>
        <source>Success rate over time</source>
        <translation>Onnistumisasteen kehitys</translation>
    </message>
    <message>
        <source>Success rate over time (no finished sessions yet)</source>
        <translation>Onnistumisasteen kehitys (ei vielä päättyneitä istuntoja)</translation>
    </message>
    <message>
        <source>Verified of finished sessions</source>
        <translation>Vahvistettujen osuus päättyneistä istunnoista</translation>
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
        <translation>Tallentamaton viesti</translation>
    </message>
    <message>
        <source>The %1 message in %2 has changes that are not saved. Discard them?</source>
        <translation>Viestissä ”%1”, kieli %2, on tallentamattomia muutoksia. Hylätäänkö ne?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Hylkää muutokset</translation>
    </message>
    <message>
        <source>&lt;b&gt;Custom text&lt;/b&gt; for this service</source>
        <translation>Tämän palvelun &lt;b&gt;oma teksti&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Shipped text</source>
        <translation>Vakioteksti</translation>
    </message>
    <message>
        <source>Preview with the sample code %1</source>
        <translation>Esikatselu esimerkkikoodilla %1</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minuuttia</translation>
    </message>
    <message>
        <source>This text cannot be used:</source>
        <translation>Tätä tekstiä ei voi käyttää:</translation>
    </message>
    <message>
        <source>Characters: %1 · SMS parts: %2</source>
        <translation>Merkkejä: %1 · tekstiviestin osia: %2</translation>
    </message>
    <message>
        <source>Read aloud by the voice gateway: the code is spoken one character at a time.</source>
        <translation>Puheyhdyskäytävä lukee tekstin ääneen: koodi luetaan merkki kerrallaan.</translation>
    </message>
    <message>
        <source>One line, and never the code: subjects show in notifications, mail lists and server logs.</source>
        <translation>Yksi rivi, eikä koskaan koodia: aihe näkyy ilmoituksissa, viestiluetteloissa ja palvelinlokeissa.</translation>
    </message>
    <message>
        <source>The plain-text part, for mail programs that do not show HTML.</source>
        <translation>Pelkkä teksti -osa sähköpostiohjelmille, jotka eivät näytä HTML:ää.</translation>
    </message>
    <message>
        <source>As a simple mail program shows it; values are HTML-escaped. Check new layouts in real mail programs too.</source>
        <translation>Näin yksinkertainen sähköpostiohjelma näyttää viestin; arvot on HTML-koodattu. Tarkista uudet asettelut myös oikeissa sähköpostiohjelmissa.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Tallennettu klo %1.</translation>
    </message>
    <message>
        <source>Reset to shipped text</source>
        <translation>Palauta vakioteksti</translation>
    </message>
    <message>
        <source>Replace this service&apos;s %1 message in %2 with the shipped text? Its own text is deleted.</source>
        <translation>Korvataanko tämän palvelun viesti ”%1”, kieli %2, vakiotekstillä? Palvelun oma teksti poistetaan.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Palauta</translation>
    </message>
    <message>
        <source>Not reset</source>
        <translation>Ei palautettu</translation>
    </message>
    <message>
        <source>The shipped text is in use again.</source>
        <translation>Vakioteksti on taas käytössä.</translation>
    </message>
    <message>
        <source>Placeholders: {code}, {app_name}, {ttl_minutes} and {minutes} (the word for “minutes”). Write {{ or }} for a brace.</source>
        <translation>Paikkamerkit: {code}, {app_name}, {ttl_minutes} ja {minutes} (sana ”minuuttia” oikeassa muodossa). Kirjoita aaltosulje muodossa {{ tai }}.</translation>
    </message>
</context>
</TS>
